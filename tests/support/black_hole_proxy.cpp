// The black-hole proxy: a network namespace and a veth pair made with the ip tool, a listening
// socket made inside the namespace (a socket stays in the namespace it was made in), and
// plain threads forwarding bytes to the loopback server.
#include "support/black_hole_proxy.h"

#include <QCoreApplication>
#include <QProcess>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>

using namespace Qt::StringLiterals;

namespace cpis::test {

namespace {
Status runIp(const QStringList &args)
{
    QProcess ip;
    ip.start(u"ip"_s, args);
    if (!ip.waitForFinished(10000) || ip.exitStatus() != QProcess::NormalExit ||
        ip.exitCode() != 0) {
        return Error{u"test.network"_s,
                     u"ip %1 failed: %2%3"_s.arg(
                         args.join(u' '), ip.errorString(),
                         QString::fromLocal8Bit(ip.readAllStandardError()).trimmed()),
                     {},
                     u"The black-hole tests need root and the ip tool (iproute2)."_s};
    }
    return success();
}

sockaddr_in addressOf(const QString &host, int port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(quint16(port));
    inet_pton(AF_INET, host.toLatin1().constData(), &a.sin_addr);
    return a;
}

// Made in the namespace by a thread that enters it: the rest of the process stays out.
int listenInNamespace(const QString &name, const QString &address, int &port)
{
    int fd = -1;
    std::thread([&] {
        const int ns = ::open(("/run/netns/" + name.toStdString()).c_str(), O_RDONLY | O_CLOEXEC);
        if (ns < 0)
            return;
        if (::setns(ns, CLONE_NEWNET) == 0) {
            fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            sockaddr_in a = addressOf(address, 0);
            if (fd >= 0 && (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 ||
                            ::listen(fd, 16) != 0)) {
                ::close(fd);
                fd = -1;
            }
        }
        ::close(ns);
    }).join();
    if (fd >= 0) {
        sockaddr_in bound{};
        socklen_t size = sizeof bound;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &size);
        port = ntohs(bound.sin_port);
    }
    return fd;
}
} // namespace

Result<std::unique_ptr<BlackHoleProxy>> BlackHoleProxy::start(int upstreamPort)
{
    std::unique_ptr<BlackHoleProxy> proxy(new BlackHoleProxy);
    if (auto up = proxy->setUp(upstreamPort); !up)
        return up.error();
    return proxy;
}

Status BlackHoleProxy::setUp(int upstreamPort)
{
    // Names and a /30 of 10.231.0.0/16 of this process's own (interface names: 15 characters).
    static std::atomic<int> made{0};
    const int n = made.fetch_add(1);
    const qint64 pid = QCoreApplication::applicationPid();
    const QString tag = u"%1x%2"_s.arg(pid % 100000).arg(n);
    m_namespace = u"cpisbh"_s + tag;
    m_hostEnd = u"cbh"_s + tag;
    m_proxyEnd = u"cbp"_s + tag;
    const int block = int((pid * 7 + n) % 16384); // 16384 /30 blocks in a /16
    const QString prefix = u"10.231.%1."_s.arg(block / 64);
    m_hostAddress = prefix + QString::number((block % 64) * 4 + 1);
    m_proxyAddress = prefix + QString::number((block % 64) * 4 + 2);
    for (const QStringList &args :
         {QStringList{u"netns"_s, u"add"_s, m_namespace},
          {u"link"_s, u"add"_s, m_hostEnd, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, m_proxyEnd,
           u"netns"_s, m_namespace},
          {u"addr"_s, u"add"_s, m_hostAddress + u"/30"_s, u"dev"_s, m_hostEnd},
          {u"link"_s, u"set"_s, m_hostEnd, u"up"_s},
          {u"-n"_s, m_namespace, u"addr"_s, u"add"_s, m_proxyAddress + u"/30"_s, u"dev"_s,
           m_proxyEnd},
          {u"-n"_s, m_namespace, u"link"_s, u"set"_s, m_proxyEnd, u"up"_s}}) {
        if (auto done = runIp(args); !done)
            return done;
    }
    m_listener = listenInNamespace(m_namespace, m_proxyAddress, m_port);
    if (m_listener < 0 || ::pipe2(m_wake, O_CLOEXEC) != 0)
        return Error{u"test.network"_s,
                     u"Could not listen in network namespace %1."_s.arg(m_namespace),
                     {},
                     {}};
    m_acceptor = std::thread([this, upstreamPort] { acceptLoop(upstreamPort); });
    return success();
}

BlackHoleProxy::~BlackHoleProxy()
{
    m_stopping = true;
    if (m_wake[1] >= 0 && ::write(m_wake[1], "x", 1) < 0) {
        // the pumps' sockets are shut below; the acceptor then finds nothing more to do
    }
    {
        std::lock_guard lock(m_mutex);
        for (int fd : m_sockets)
            ::shutdown(fd, SHUT_RDWR); // wakes the pumps
    }
    if (m_acceptor.joinable())
        m_acceptor.join();
    for (std::thread &t : m_pumps)
        t.join();
    for (int fd : m_sockets)
        ::close(fd);
    for (int fd : {m_listener, m_wake[0], m_wake[1]}) {
        if (fd >= 0)
            ::close(fd);
    }
    if (!m_hostEnd.isEmpty())
        (void)runIp({u"link"_s, u"del"_s, m_hostEnd}); // its peer goes with it
    if (!m_namespace.isEmpty())
        (void)runIp({u"netns"_s, u"del"_s, m_namespace});
}

ConnInfo BlackHoleProxy::route(ConnInfo info) const
{
    info.set(u"host"_s, m_proxyAddress);
    info.set(u"hostaddr"_s, m_proxyAddress);
    info.set(u"port"_s, QString::number(m_port));
    // The proxy's address is not loopback, so without an sslmode the programs would demand
    // verify-full; the test server behind it is this machine's, with libpq's default.
    if (info.value(u"sslmode"_s).isEmpty())
        info.set(u"sslmode"_s, u"prefer"_s);
    return info;
}

Status BlackHoleProxy::blackHole()
{
    return runIp({u"-n"_s, m_namespace, u"link"_s, u"set"_s, m_proxyEnd, u"down"_s});
}

Status BlackHoleProxy::restore()
{
    return runIp({u"-n"_s, m_namespace, u"link"_s, u"set"_s, m_proxyEnd, u"up"_s});
}

void BlackHoleProxy::acceptLoop(int upstreamPort)
{
    while (!m_stopping) {
        std::array<pollfd, 2> fds{{{m_listener, POLLIN, 0}, {m_wake[0], POLLIN, 0}}};
        if (::poll(fds.data(), fds.size(), -1) <= 0 || m_stopping)
            continue;
        const int client = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            continue;
        const int upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a = addressOf(u"127.0.0.1"_s, upstreamPort);
        if (upstream < 0 || ::connect(upstream, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
            ::close(client);
            if (upstream >= 0)
                ::close(upstream);
            continue;
        }
        std::lock_guard lock(m_mutex);
        m_sockets.push_back(client);
        m_sockets.push_back(upstream);
        m_pumps.emplace_back([this, client, upstream] { pump(client, upstream, m_stopping); });
    }
}

void BlackHoleProxy::pump(int client, int upstream, const std::atomic<bool> &stopping)
{
    std::array<char, 16384> buffer{};
    while (!stopping) {
        std::array<pollfd, 2> fds{{{client, POLLIN, 0}, {upstream, POLLIN, 0}}};
        if (::poll(fds.data(), fds.size(), 500) < 0)
            return;
        for (int i = 0; i < 2; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const int from = fds[i].fd;
            const int to = i == 0 ? upstream : client;
            const ssize_t got = ::read(from, buffer.data(), buffer.size());
            if (got <= 0) {
                ::shutdown(to, SHUT_RDWR); // one side gone: so is the other
                return;
            }
            for (ssize_t sent = 0; sent < got;) {
                const ssize_t n = ::write(to, buffer.data() + sent, size_t(got - sent));
                if (n <= 0)
                    return;
                sent += n;
            }
        }
    }
}

} // namespace cpis::test
