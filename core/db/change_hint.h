// What a cpis_changes notification says, when it says anything (issue 21: any login can send
// one). ChangeListener drops payloads that do not parse and passes hints on in batches.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace cpis {

// At most one batch of hints in this many milliseconds, the first at once: a flood can neither
// make clients reload without end nor push their reload back for ever.
inline constexpr int kChangeBatchGapMs = 250;

struct ChangeHint
{
    QString kind; // step, request, case_note, alert, person, config, exchange, ...
    qint64 id = 0;
    friend bool operator==(const ChangeHint &, const ChangeHint &) = default;
};

// {"kind": "step", "id": 42} as _notify sends it: a kind of at most 40 lower-case letters and
// underscores and a whole id of 0 or more (null: 0), in at most 200 bytes; anything else is
// no hint at all.
std::optional<ChangeHint> parseChangeHint(const QByteArray &payload);

} // namespace cpis
