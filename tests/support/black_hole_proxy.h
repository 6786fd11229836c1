// A TCP proxy the test controls, to a server on loopback, that can become a black hole:
// every packet between the client and the proxy dropped, nothing closed, as a dead network or
// a firewall that drops does. A proxy that only stopped forwarding would not do: its kernel
// still acknowledges what the client sends and answers its keepalives, so the client's TCP
// timeouts never fire. So the proxy listens in a network namespace of its own, reached through
// a virtual ethernet pair, and blackHole() takes the pair's far end down. Needs root (network
// administration) and the ip tool; start() says why not, for the test to skip.
#pragma once

#include "db/conn_info.h"
#include "result.h"

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace cpis::test {

class BlackHoleProxy
{
public:
    // Forwards every connection made to host():port() to 127.0.0.1:upstreamPort.
    static Result<std::unique_ptr<BlackHoleProxy>> start(int upstreamPort);
    ~BlackHoleProxy();
    Q_DISABLE_COPY_MOVE(BlackHoleProxy)

    [[nodiscard]] QString host() const { return m_proxyAddress; }
    [[nodiscard]] int port() const { return m_port; }
    // The same connection settings, through the proxy.
    [[nodiscard]] ConnInfo route(ConnInfo info) const;

    Status blackHole(); // packets dropped from now on, in both directions; nothing closed
    Status restore();   // the network is back (connections lost meanwhile stay lost)

private:
    BlackHoleProxy() = default;
    Status setUp(int upstreamPort);
    void acceptLoop(int upstreamPort);
    static void pump(int client, int upstream, const std::atomic<bool> &stopping);

    QString m_namespace;
    QString m_hostEnd;  // the veth end in our namespace
    QString m_proxyEnd; // the veth end in the proxy's namespace
    QString m_hostAddress;
    QString m_proxyAddress;
    int m_port = 0;
    int m_listener = -1;
    int m_wake[2] = {-1, -1};
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::vector<std::thread> m_pumps;
    std::vector<int> m_sockets;
};

} // namespace cpis::test
