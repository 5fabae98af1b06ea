// The offline explainer: what the agent types, what it selects, what the details say, and the
// keyboard path through it.
#include "CatalogMatchModel.h"
#include "ErrorCatalog.h"
#include "ExplainerWidget.h"
#include "Translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// How the agent enters text: keys for Latin letters; Japanese arrives committed by the input
// method (QTest::keyClicks takes Latin-1 only) or pasted from what the customer sent.
enum class Entry { Keys, InputMethod, Paste };

void enter(QLineEdit *edit, const QString &text, Entry how)
{
    switch (how) {
    case Entry::Keys:
        QTest::keyClicks(edit, text);
        break;
    case Entry::InputMethod: {
        QInputMethodEvent event;
        event.setCommitString(text);
        QApplication::sendEvent(edit, &event);
        break;
    }
    case Entry::Paste:
        QApplication::clipboard()->setText(text);
        QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
        break;
    }
}

} // namespace

Q_DECLARE_METATYPE(Entry)

class TestExplainer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void query_data();
    void query();
    void detailsShowStaffTexts_data();
    void detailsShowStaffTexts();
    void lockCountingIsShown();
    void focusStartsInQuery();
    void keyboardNavigation();

private:
    const tc::ErrorCatalog &m_catalog = tc::ErrorCatalog::builtIn();
    std::unique_ptr<tc::Translations> m_translations;
    std::unique_ptr<tc::ExplainerWidget> m_widget;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestExplainer::init()
{
    m_translations = std::make_unique<tc::Translations>();
    QVERIFY(m_translations->install(tc::UiLanguage::Japanese));
    m_widget = std::make_unique<tc::ExplainerWidget>(m_catalog);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_widget->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_widget->resize(900, 600);
}

void TestExplainer::cleanup()
{
    m_tester.reset();
    m_widget.reset();
    m_translations.reset();
}

void TestExplainer::query_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<Entry>("how");
    QTest::addColumn<QString>("expectedCode"); // empty: nothing matches

    QTest::newRow("code") << u"B84"_s << Entry::Keys << u"B84"_s;
    QTest::newRow("lower-case code") << u"b84"_s << Entry::Keys << u"B84"_s;
    QTest::newRow("full-width code") << u"ｂ８４"_s << Entry::InputMethod << u"B84"_s;
    QTest::newRow("pasted seed message")
        << u"ただ今お取扱いできません。詳しくは本サービスのお問合せ窓口へご照会下さい。理由コードは B84 です。"_s
        << Entry::Paste << u"B84"_s;
    QTest::newRow("partial message")
        << u"お取扱いができなくなりました"_s << Entry::InputMethod << u"B83"_s;
    QTest::newRow("hiragana reading")
        << u"さーびすをおこなっておりません"_s << Entry::InputMethod << u"A01"_s;
    QTest::newRow("read out with spaces")
        << u"ただ今の 時間は サービスを 行っておりません"_s << Entry::InputMethod << u"A01"_s;
    QTest::newRow("nonsense") << u"xyzzy qwerty"_s << Entry::Keys << QString();
}

void TestExplainer::query()
{
    QFETCH(QString, typed);
    QFETCH(Entry, how);
    QFETCH(QString, expectedCode);

    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    enter(m_widget->queryEdit(), typed, how);
    QCOMPARE(m_widget->queryEdit()->text(), typed);

    if (expectedCode.isEmpty()) {
        QCOMPARE(m_widget->model()->rowCount(), 0);
        QCOMPARE(m_widget->currentEntry(), nullptr);
        QVERIFY(m_widget->detailsView()->toPlainText().isEmpty());
        QVERIFY2(m_widget->stateText().contains(u"該当するメッセージはありません"_s),
                 qPrintable(m_widget->stateText()));
        return;
    }
    QVERIFY(m_widget->model()->rowCount() > 0);
    QVERIFY(m_widget->currentEntry());
    QCOMPARE(m_widget->currentEntry()->code, expectedCode);
    QCOMPARE(m_widget->resultsView()->currentIndex().row(), 0);
    QVERIFY(m_widget->detailsView()->toPlainText().contains(expectedCode));
    QVERIFY2(m_widget->stateText().contains(u"件該当"_s), qPrintable(m_widget->stateText()));

    // Clearing the query empties the results again.
    m_widget->queryEdit()->clear();
    QCOMPARE(m_widget->model()->rowCount(), 0);
    QVERIFY(m_widget->detailsView()->toPlainText().isEmpty());
}

void TestExplainer::detailsShowStaffTexts_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("ja") << u"ja"_s;
    QTest::newRow("en") << u"en"_s;
}

void TestExplainer::detailsShowStaffTexts()
{
    QFETCH(QString, language);
    const tc::UiLanguage ui = *tc::parseUiLanguage(language);
    QVERIFY(m_translations->install(ui));

    m_widget->setQuery(u"B84"_s);
    const tc::CatalogEntry *entry = m_catalog.find(u"B84");
    QVERIFY(entry);
    QCOMPARE(m_widget->currentEntry(), entry);

    const QString details = m_widget->detailsView()->toPlainText();
    const bool english = ui == tc::UiLanguage::English;
    // The exact Japanese wording is always there: it is what the customer reads out.
    QVERIFY(details.contains(entry->customerMessage.simplified()));
    QVERIFY(details.contains(english ? entry->meaning.en : entry->meaning.ja));
    QVERIFY(details.contains(english ? entry->cause.en : entry->cause.ja));
    QVERIFY(details.contains(english ? entry->tellCustomer.en : entry->tellCustomer.ja));
    QVERIFY(!details.contains(english ? entry->meaning.ja : entry->meaning.en));
    if (english) {
        QVERIFY(details.contains(entry->customerMessageEn));
        QVERIFY(details.contains(u"What to tell the customer"_s));
    } else {
        QVERIFY(details.contains(u"お客様への案内"_s));
        QVERIFY(details.contains(u"画面②"_s));
    }
}

void TestExplainer::lockCountingIsShown()
{
    m_widget->setQuery(u"B21"_s);
    QCOMPARE(m_widget->currentEntry()->counts, tc::LockCounting::Identity);
    QVERIFY(m_widget->detailsView()->toPlainText().contains(u"本人認証ロック"_s));

    m_widget->setQuery(u"D01"_s);
    QCOMPARE(m_widget->currentEntry()->counts, tc::LockCounting::Pin);
    QVERIFY(m_widget->detailsView()->toPlainText().contains(u"キャッシュカード暗証番号ロック"_s));

    m_widget->setQuery(u"A01"_s);
    QCOMPARE(m_widget->currentEntry()->counts, tc::LockCounting::None);
    QVERIFY(m_widget->detailsView()->toPlainText().contains(u"ロックの回数に数えません"_s));
}

void TestExplainer::focusStartsInQuery()
{
    m_widget->show();
    QApplication::setActiveWindow(m_widget.get());
    QVERIFY(QTest::qWaitForWindowActive(m_widget.get()));
    m_widget->setFocus();
    QCOMPARE(QApplication::focusWidget(), m_widget->queryEdit());
}

void TestExplainer::keyboardNavigation()
{
    m_widget->show();
    QApplication::setActiveWindow(m_widget.get());
    QVERIFY(QTest::qWaitForWindowActive(m_widget.get()));
    m_widget->setFocus();
    QSignalSpy chosen(m_widget.get(), &tc::ExplainerWidget::entryChosen);
    QLineEdit *edit = m_widget->queryEdit();
    QTableView *results = m_widget->resultsView();

    // Enter in the query chooses the best match without leaving the query.
    enter(edit, u"ただ今お取扱い"_s, Entry::InputMethod);
    QVERIFY(m_widget->model()->rowCount() >= 2);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), m_widget->model()->entryAt(0)->code);
    QCOMPARE(QApplication::focusWidget(), edit);

    // Down moves into the results, a second Down to the next result, Enter chooses it.
    QTest::keyClick(edit, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), results);
    QCOMPARE(results->currentIndex().row(), 0);
    QTest::keyClick(results, Qt::Key_Down);
    QCOMPARE(results->currentIndex().row(), 1);
    const tc::CatalogEntry *second = m_widget->model()->entryAt(1);
    QCOMPARE(m_widget->currentEntry(), second);
    QVERIFY(m_widget->detailsView()->toPlainText().contains(second->code));
    QTest::keyClick(results, Qt::Key_Enter);
    QCOMPARE(chosen.count(), 2);
    QCOMPARE(chosen.at(1).at(0).toString(), second->code);

    // Up on the first result goes back to the query, where typing continues.
    QTest::keyClick(results, Qt::Key_Up);
    QCOMPARE(results->currentIndex().row(), 0);
    QTest::keyClick(results, Qt::Key_Up);
    QCOMPARE(QApplication::focusWidget(), edit);
    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(edit->text().isEmpty());
    QCOMPARE(m_widget->model()->rowCount(), 0);
}

QTEST_MAIN(TestExplainer)
#include "tst_explainer.moc"
