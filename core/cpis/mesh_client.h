// A client for a MESH mailbox (Message Exchange for Social Care and Health), the REST API
// that carries CP-IS files: see shared/CPIS-INTERFACE.md and shared/reference/mesh-api.yaml.
// Calls are synchronous (a local event loop): use it from a worker thread or cpisctl, never
// from the GUI thread.
#pragma once

#include "cpis/mesh_settings.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace cpis {

struct MeshMessage
{
    QString id;
    QString messageType; // DATA or REPORT
    QString workflowId;
    QString sender;
    QString fileName;
    QString localId;
    QString subject;
    // For a REPORT: which message failed and why.
    QString linkedMessageId;
    QString statusCode; // e.g. "15" bad CP-IS file
    QString statusDescription;
    QByteArray body; // whole, un-gzipped, all chunks joined
};

struct MeshTracking
{
    QString messageId;
    QString status; // e.g. accepted, acknowledged, undeliverable
    QString statusCode;
    QString statusDescription;
};

class MeshClient
{
public:
    explicit MeshClient(MeshSettings settings);
    ~MeshClient();
    MeshClient(const MeshClient &) = delete;
    MeshClient &operator=(const MeshClient &) = delete;

    Status handshake();
    // Every waiting message id (reads page after page while a page is full).
    Result<QStringList> inbox();
    // Downloads a message whole (following 206 chunks, un-gzipping).
    Result<MeshMessage> download(const QString &messageId);
    // Only after the message is safely stored: it then leaves the inbox.
    Status acknowledge(const QString &messageId);
    // Sends a file; returns the message id MESH gave it.
    Result<QString> send(const QString &recipientMailbox, const QString &workflowId,
                         const QByteArray &body, const QString &fileName, const QString &localId,
                         const QString &subject = {});
    Result<MeshTracking> track(const QString &messageId);
    // The message this mailbox sent with that local id (mex-LocalID); error "mesh.gone" when
    // MESH knows none, so a file whose POST answer was lost is found, not sent twice.
    Result<MeshTracking> trackLocalId(const QString &localId);

    // The NHSMESH Authorization header value; public for the tests.
    static QByteArray authorization(const QString &mailbox, const QString &password,
                                    const QByteArray &sharedSecret, const QString &nonce,
                                    int nonceCount, const QDateTime &timestampUtc);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cpis
