// What every exchange-fault test checks afterwards: each message stored once, processed once
// (one step each) and acknowledged to MESH exactly once, and the inbox empty.
#pragma once

#include "support/exchange_world.h"

#include <QStringList>

namespace cpis::test {

// Delivers `count` distinct notifications about the world's child; returns their MESH ids.
QStringList deliverNotifications(ExchangeWorld &x, int count, const QString &tag);

// How many inbound_message rows hold this MESH message.
int storedCopies(ExchangeWorld &x, const QString &meshId);

// Every id stored and processed once, acknowledged once, and `steps` new steps in all.
void requireEachProcessedOnce(ExchangeWorld &x, const QStringList &ids, int stepsBefore);

} // namespace cpis::test
