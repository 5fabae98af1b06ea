// The settings dialog: what is typed is checked before it is saved, with the problem said
// inline, and "Test connection" asks the real backend with exactly what is typed.
#include "Settings.h"
#include "SettingsDialog.h"
#include "TestBackend.h"
#include "WidgetTesting.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using tc::Settings;
using tc::SettingsDialog;
using tc::test::child;
using tc::test::retype;
using tc::test::screenshotDir;
using tc::test::TestBackend;

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheSavedValues();
    void refusesToSaveWhatCannotConnect_data();
    void refusesToSaveWhatCannotConnect();
    void savesAUsableConnection();
    void testConnection();
    void everyControlHasAnAccessibleName();

private:
    std::unique_ptr<TestBackend> m_backend;
};

void TestSettingsDialog::initTestCase()
{
    m_backend = TestBackend::started(u"sqlite"_s);
}

void TestSettingsDialog::showsTheSavedValues()
{
    const std::unique_ptr<Settings> settings = Settings::temporary();
    settings->setBackendUrl(u"https://console.example:8443"_s);
    settings->setBackendCaFile(u"/etc/teller-console/ca.pem"_s);
    settings->setIdleLockMinutes(5);
    SettingsDialog dialog(*settings);
    QCOMPARE(child<QLineEdit>(dialog, u"backendUrlEdit"_s)->text(),
             u"https://console.example:8443"_s);
    QCOMPARE(child<QLineEdit>(dialog, u"caFileEdit"_s)->text(), u"/etc/teller-console/ca.pem"_s);
    QCOMPARE(child<QSpinBox>(dialog, u"idleSpin"_s)->value(), 5);
    QCOMPARE(child<QSpinBox>(dialog, u"timeoutSpin"_s)->value(), 15);
    QVERIFY(dialog.problemText().isEmpty());
}

void TestSettingsDialog::refusesToSaveWhatCannotConnect_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("withCa");
    QTest::addColumn<QString>("problem");
    QTest::newRow("plain http") << u"http://127.0.0.1:8443"_s << true
                                << u"The backend address must start with https://."_s;
    QTest::newRow("no address") << QString() << true << u"No backend address is set."_s;
    QTest::newRow("no CA file") << u"https://127.0.0.1:8443"_s << false
                                << u"No CA certificate file is set."_s;
}

void TestSettingsDialog::refusesToSaveWhatCannotConnect()
{
    QFETCH(QString, url);
    QFETCH(bool, withCa);
    QFETCH(QString, problem);
    const std::unique_ptr<Settings> settings = Settings::temporary();
    SettingsDialog dialog(*settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    retype(child<QLineEdit>(dialog, u"backendUrlEdit"_s), url);
    if (withCa)
        retype(child<QLineEdit>(dialog, u"caFileEdit"_s),
               m_backend->certificates().caCertificatePath());
    QSignalSpy changed(&dialog, &SettingsDialog::connectionChanged);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.problemText(), problem);
    QVERIFY(child<QLabel>(dialog, u"problemLabel"_s)->isVisible());
    QCOMPARE(changed.size(), 0);
    QVERIFY(settings->backendUrl().isEmpty());
    if (!withCa)
        QVERIFY(child<QLineEdit>(dialog, u"caFileEdit"_s)->hasFocus());
    QVERIFY(
        dialog.grab().save(screenshotDir()
                           + u"/settingsdialog_problem_%1.png"_s.arg(
                               QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'))));
}

void TestSettingsDialog::savesAUsableConnection()
{
    const std::unique_ptr<Settings> settings = Settings::temporary();
    SettingsDialog dialog(*settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    retype(child<QLineEdit>(dialog, u"backendUrlEdit"_s), m_backend->baseUrl());
    retype(child<QLineEdit>(dialog, u"caFileEdit"_s),
           m_backend->certificates().caCertificatePath());
    QSpinBox *idle = child<QSpinBox>(dialog, u"idleSpin"_s);
    idle->setFocus();
    idle->selectAll();
    QTest::keyClicks(idle, u"3"_s);
    QSignalSpy changed(&dialog, &SettingsDialog::connectionChanged);
    child<QDialogButtonBox>(dialog, u"buttonBox"_s)->button(QDialogButtonBox::Save)->click();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(settings->backendUrl(), m_backend->baseUrl());
    QCOMPARE(settings->backendCaFile(), m_backend->certificates().caCertificatePath());
    QCOMPARE(settings->idleLockMinutes(), 3);
    QVERIFY(settings->connectionSettings());
}

void TestSettingsDialog::testConnection()
{
    const std::unique_ptr<Settings> settings = Settings::temporary();
    SettingsDialog dialog(*settings);
    dialog.resize(640, 320);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLineEdit *url = child<QLineEdit>(dialog, u"backendUrlEdit"_s);
    QLineEdit *ca = child<QLineEdit>(dialog, u"caFileEdit"_s);
    QPushButton *test = child<QPushButton>(dialog, u"testButton"_s);

    // The right backend and CA: connected.
    retype(url, m_backend->baseUrl());
    retype(ca, m_backend->certificates().caCertificatePath());
    QSignalSpy tested(&dialog, &SettingsDialog::connectionTested);
    test->click();
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.takeFirst().at(0).toBool(), true);
    QVERIFY2(dialog.testResultText().startsWith(u"Connected"_s),
             qPrintable(dialog.testResultText()));
    QCoreApplication::sendPostedEvents(); // the layout makes room for the wrapped result
    QVERIFY(dialog.grab().save(screenshotDir() + u"/settingsdialog_connected.png"_s));
    // Nothing is saved by a test.
    QVERIFY(settings->backendUrl().isEmpty());

    // Another CA: the certificate does not verify, and the result says so.
    retype(ca, m_backend->certificates().otherCaCertificatePath());
    QVERIFY(dialog.testResultText().isEmpty());
    test->click();
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.takeFirst().at(0).toBool(), false);
    QVERIFY2(dialog.testResultText().contains(u"certificate"_s),
             qPrintable(dialog.testResultText()));
    QCoreApplication::sendPostedEvents();
    QVERIFY(dialog.grab().save(screenshotDir() + u"/settingsdialog_wrong_ca.png"_s));

    // A port nobody listens on.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    retype(ca, m_backend->certificates().caCertificatePath());
    retype(url, u"https://127.0.0.1:%1"_s.arg(closedPort));
    test->click();
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.takeFirst().at(0).toBool(), false);
    QVERIFY2(dialog.testResultText().contains(u"cannot be reached"_s),
             qPrintable(dialog.testResultText()));
}

void TestSettingsDialog::everyControlHasAnAccessibleName()
{
    const std::unique_ptr<Settings> settings = Settings::temporary();
    SettingsDialog dialog(*settings);
    for (QWidget *widget : dialog.findChildren<QWidget *>()) {
        if (qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
            continue; // the spin box's own editor, named by the spin box
        if (qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractButton *>(widget)
            || qobject_cast<QAbstractSpinBox *>(widget)) {
            // Buttons of the button box are named by their text.
            const bool named = !widget->accessibleName().isEmpty()
                || (qobject_cast<QAbstractButton *>(widget)
                    && !qobject_cast<QAbstractButton *>(widget)->text().isEmpty());
            QVERIFY2(named, qPrintable(widget->objectName()));
        }
    }
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
