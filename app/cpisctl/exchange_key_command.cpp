#include "exchange_key_command.h"

#include "config/config_store.h"
#include "database_session.h"
#include "domain/sealed_secret.h"

using namespace Qt::StringLiterals;

namespace cpis::cli {

int exchangeKeygen(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(databaseOption());
    const QCommandLineOption outFile(
        u"out"_s, u"Where to write the private key (a new file, readable only by you)."_s,
        u"file"_s);
    parser.addOption(outFile);
    const QCommandLineOption set(u"set"_s, u"Also store the public key as "
                                           "mesh.secrets_public_key (system administrators)."_s);
    parser.addOption(set);
    if (auto stop = parseArguments(
            parser, u"exchange keygen"_s,
            u"Make the exchange host's key pair for the MESH secrets. Run it as the exchange\n"
            u"service's user: the private key goes to FILE, readable only by that user, and\n"
            u"the exchange finds it through CPIS_EXCHANGE_KEY_FILE or the systemd credential\n"
            u"exchange-key. The public key is printed as one line: set it as\n"
            u"mesh.secrets_public_key (or give --set), then set mesh.password and\n"
            u"mesh.shared_secret, which every client then seals with it before sending.\n"
            u"A new key pair means setting both secrets again.\n"
            u"Exit status: 0 made, 1 failed, 2 usage error, 3 unreachable."_s,
            args))
        return *stop;
    if (!parser.isSet(outFile))
        return usageError(u"exchange keygen"_s, u"give --out FILE."_s);
    auto pair = generateExchangeKeyPair();
    if (!pair)
        return exitFor(pair.error());
    if (auto written = writeExchangeKeyFile(parser.value(outFile), pair->privatePem); !written)
        return exitFor(written.error());
    out() << "Wrote the private key to " << parser.value(outFile) << ".\n";
    if (parser.isSet(set)) {
        auto session = DatabaseSession::open(parser);
        if (!session)
            return session.exitCode();
        if (auto stored = ConfigStore(session.connection())
                              .set(QString::fromLatin1(kSecretsPublicKeySetting), pair->publicKey);
            !stored)
            return exitFor(stored.error());
        out() << kSecretsPublicKeySetting << " is set. Now set mesh.password and "
              << "mesh.shared_secret (cpisctl config set KEY --stdin).\n";
    } else {
        out() << "Public key (set it with: cpisctl config set " << kSecretsPublicKeySetting
              << " VALUE):\n";
    }
    out() << pair->publicKey << "\n";
    out().flush();
    return kExitOk;
}

} // namespace cpis::cli
