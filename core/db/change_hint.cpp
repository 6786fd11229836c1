#include "db/change_hint.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cpis {

namespace {
constexpr qsizetype kMaxPayload = 200;        // ours are about 30 bytes
constexpr double kMaxId = 9007199254740992.0; // 2^53: whole in a JSON number
} // namespace

std::optional<ChangeHint> parseChangeHint(const QByteArray &payload)
{
    if (payload.isEmpty() || payload.size() > kMaxPayload)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    static const QRegularExpression kind(u"^[a-z_]{1,40}$"_s);
    const QJsonValue k = object.value(u"kind"_s);
    const QJsonValue id = object.value(u"id"_s);
    // _notify sends a null id when a batch made no row ("step", last_step): a kind alone.
    if (object.size() != 2 || !k.isString() || !kind.match(k.toString()).hasMatch() ||
        !(id.isDouble() || id.isNull()))
        return std::nullopt;
    const double n = id.toDouble(0);
    if (n < 0 || n > kMaxId || n != double(qint64(n)))
        return std::nullopt;
    return ChangeHint{k.toString(), qint64(n)};
}

} // namespace cpis
