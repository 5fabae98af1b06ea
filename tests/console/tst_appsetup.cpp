// Application setup: command line, the choice of language, the translators, typed settings.
#include "CommandLine.h"
#include "Settings.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(tc::CommandLine::Outcome)

class TestAppSetup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandLine_data();
    void commandLine();
    void requestedLanguageBeforeParsing();
    void chooseLanguage_data();
    void chooseLanguage();
    void translatorsInstallAndRemove();
    void settingsRoundTrip();
    void temporarySettingsAreRemoved();
};

void TestAppSetup::commandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<tc::CommandLine::Outcome>("outcome");
    QTest::addColumn<QString>("language"); // "" when not given

    using O = tc::CommandLine::Outcome;
    const QString exe = u"teller-console"_s;
    QTest::newRow("nothing") << QStringList {exe} << O::Run << QString();
    QTest::newRow("--lang en") << QStringList {exe, u"--lang"_s, u"en"_s} << O::Run << u"en"_s;
    QTest::newRow("--lang=ja") << QStringList {exe, u"--lang=ja"_s} << O::Run << u"ja"_s;
    QTest::newRow("--lang EN") << QStringList {exe, u"--lang"_s, u"EN"_s} << O::Run << u"en"_s;
    QTest::newRow("--lang fr") << QStringList {exe, u"--lang"_s, u"fr"_s} << O::Error << QString();
    QTest::newRow("--lang without value")
        << QStringList {exe, u"--lang"_s} << O::Error << QString();
    QTest::newRow("--help") << QStringList {exe, u"--help"_s} << O::ShowHelp << QString();
    QTest::newRow("-h") << QStringList {exe, u"-h"_s} << O::ShowHelp << QString();
    QTest::newRow("--version") << QStringList {exe, u"--version"_s} << O::ShowVersion << QString();
    QTest::newRow("unknown option") << QStringList {exe, u"--bogus"_s} << O::Error << QString();
    QTest::newRow("positional") << QStringList {exe, u"file"_s} << O::Error << QString();
    QTest::newRow("--demo-dir --demo-user")
        << QStringList {exe, u"--demo-dir"_s, u"d"_s, u"--demo-user"_s, u"gunma.supervisor"_s}
        << O::Run << QString();
    QTest::newRow("--demo-user without --demo-dir")
        << QStringList {exe, u"--demo-user"_s, u"gunma.supervisor"_s} << O::Error << QString();
    QTest::newRow("--tour without --demo-dir")
        << QStringList {exe, u"--tour"_s, u"out"_s} << O::Error << QString();
}

void TestAppSetup::commandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(tc::CommandLine::Outcome, outcome);
    QFETCH(QString, language);

    tc::CommandLine commandLine;
    QCOMPARE(commandLine.process(arguments), outcome);
    if (outcome == tc::CommandLine::Outcome::Error)
        QVERIFY(!commandLine.errorText().isEmpty());
    if (language.isEmpty())
        QVERIFY(!commandLine.language());
    else
        QCOMPARE(commandLine.language(), tc::parseUiLanguage(language));
    QVERIFY(commandLine.helpText().contains(u"--lang"_s));
    QCOMPARE(tc::CommandLine::versionText(), u"teller-console 0.1.0"_s);
}

void TestAppSetup::requestedLanguageBeforeParsing()
{
    const QString exe = u"teller-console"_s;
    QCOMPARE(tc::CommandLine::requestedLanguage({exe, u"--lang"_s, u"en"_s, u"--help"_s}),
             std::optional(tc::UiLanguage::English));
    QCOMPARE(tc::CommandLine::requestedLanguage({exe, u"--bogus"_s, u"--lang=ja"_s}),
             std::optional(tc::UiLanguage::Japanese));
    QVERIFY(!tc::CommandLine::requestedLanguage({exe}));
}

void TestAppSetup::chooseLanguage_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QLocale>("system");
    QTest::addColumn<QString>("chosen");

    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale japanese(QLocale::Japanese, QLocale::Japan);
    QTest::newRow("C locale: Japanese") << QString() << QLocale::c() << u"ja"_s;
    QTest::newRow("Japanese locale") << QString() << japanese << u"ja"_s;
    QTest::newRow("English locale") << QString() << english << u"en"_s;
    QTest::newRow("British English")
        << QString() << QLocale(QLocale::English, QLocale::UnitedKingdom) << u"en"_s;
    QTest::newRow("German locale: Japanese") << QString() << QLocale(QLocale::German) << u"ja"_s;
    QTest::newRow("--lang en wins") << u"en"_s << japanese << u"en"_s;
    QTest::newRow("--lang ja wins") << u"ja"_s << english << u"ja"_s;
}

void TestAppSetup::chooseLanguage()
{
    QFETCH(QString, requested);
    QFETCH(QLocale, system);
    QFETCH(QString, chosen);
    const std::optional<tc::UiLanguage> request =
        requested.isEmpty() ? std::nullopt : tc::parseUiLanguage(requested);
    QCOMPARE(tc::uiLanguageCode(tc::chooseUiLanguage(request, system)), chosen);
}

void TestAppSetup::translatorsInstallAndRemove()
{
    const QString source = u"Teller Console %1"_s;
    QCOMPARE(QCoreApplication::translate("tc::MainWindow", "Teller Console %1"), source);
    {
        tc::Translations translations;
        QVERIFY(translations.install(tc::UiLanguage::Japanese));
        QCOMPARE(QCoreApplication::translate("tc::MainWindow", "Teller Console %1"),
                 u"窓口コンソール %1"_s);
        QCOMPARE(tc::currentUiLanguage(), tc::UiLanguage::Japanese);
        QVERIFY(translations.install(tc::UiLanguage::English));
        QCOMPARE(QCoreApplication::translate("tc::MainWindow", "Teller Console %1"), source);
        QCOMPARE(tc::currentUiLanguage(), tc::UiLanguage::English);
    }
    QCOMPARE(QCoreApplication::translate("tc::MainWindow", "Teller Console %1"), source);
    QVERIFY(QFile::exists(tc::Translations::resourcePath(tc::UiLanguage::Japanese)));
    QVERIFY(QFile::exists(tc::Translations::resourcePath(tc::UiLanguage::English)));
}

void TestAppSetup::settingsRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"console.conf"_s);
    {
        const std::unique_ptr<tc::Settings> settings = tc::Settings::inFile(path);
        QVERIFY(settings->mainWindowGeometry().isEmpty());
        QCOMPARE(settings->mainWindowTab(), 0);
        settings->setMainWindowGeometry("geometry-bytes");
        settings->setMainWindowTab(1);
        settings->sync();
    }
    const std::unique_ptr<tc::Settings> again = tc::Settings::inFile(path);
    QCOMPARE(again->mainWindowGeometry(), QByteArray("geometry-bytes"));
    QCOMPARE(again->mainWindowTab(), 1);
}

void TestAppSetup::temporarySettingsAreRemoved()
{
    QString file;
    {
        const std::unique_ptr<tc::Settings> settings = tc::Settings::temporary();
        settings->setMainWindowTab(1);
        settings->sync();
        file = settings->fileName();
        QVERIFY(QFile::exists(file));
        QCOMPARE(settings->mainWindowTab(), 1);
    }
    QVERIFY(!QFile::exists(file));
}

QTEST_GUILESS_MAIN(TestAppSetup)
#include "tst_appsetup.moc"
