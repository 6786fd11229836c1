// Internal to the MESH client: the translation context of its messages, the loopback rule
// and the mutual-TLS configuration built from MeshSettings.
#pragma once

#include "cpis/mesh_client.h"

#include <QCoreApplication>
#include <QSslConfiguration>

namespace cpis {

struct MeshText
{
    Q_DECLARE_TR_FUNCTIONS(cpis::MeshClient)
};

// 127.0.0.0/8, ::1 or "localhost": the only hosts plain http may be used with.
bool isLoopbackHost(const QString &host);

// "mesh.settings", with a message that starts with the setting's name. Never pass a value
// that could be secret.
Error meshSettingError(const QString &setting, const QString &problem);

// Our certificate and key, and only the configured CA trusted; TLS 1.2 or newer.
Result<QSslConfiguration> meshTlsConfiguration(const MeshSettings &settings);

} // namespace cpis
