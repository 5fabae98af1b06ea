// The offline explainer: what the agent types, what it selects, what the details say, and the
// keyboard path through it.
#include "CatalogMatchModel.h"
#include "ErrorCatalog.h"
#include "ExplainerWidget.h"
#include "Faq.h"
#include "Translations.h"
#include "WidgetTesting.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QDir>
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
    void faqAnswer_data();
    void faqAnswer();
    void supportDeskLine_data();
    void supportDeskLine();
    void explainCodeShowsItsQuestions();
    void questionChosenByKeyboard();
    void controlsHaveAccessibleNames();
    void screenshot_data();
    void screenshot();

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
    // A question finds an answer, not a catalog entry: no catalog entry is current.
    QTest::newRow("question") << u"電話番号が分からない"_s << Entry::InputMethod << u"-"_s;
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
        QVERIFY2(m_widget->stateText().contains(typed), qPrintable(m_widget->stateText()));
        return;
    }
    QVERIFY(m_widget->model()->rowCount() > 0);
    if (expectedCode == u"-"_s) {
        QCOMPARE(m_widget->currentEntry(), nullptr);
        QVERIFY(m_widget->currentFaqEntry());
        return;
    }
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

namespace {

const QString supportDesk = u"事務センター 078-000-0000 (平日 9:00–17:00)"_s;

} // namespace

void TestExplainer::faqAnswer_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("id");
    QTest::newRow("ja phone") << u"ja"_s << u"電話番号が分からない"_s
                              << u"registered-phone-unknown"_s;
    QTest::newRow("en phone") << u"en"_s << u"forgot registered phone number"_s
                              << u"registered-phone-unknown"_s;
    QTest::newRow("ja ATM") << u"ja"_s << u"ATMも止まる?"_s << u"pin-lock-atm"_s;
    QTest::newRow("en mail") << u"en"_s << u"mail not arriving"_s << u"notice-mail-not-arriving"_s;
    QTest::newRow("ja hours") << u"ja"_s << u"サービス時間"_s << u"service-hours"_s;
}

void TestExplainer::faqAnswer()
{
    QFETCH(QString, language);
    QFETCH(QString, typed);
    QFETCH(QString, id);
    const tc::UiLanguage ui = *tc::parseUiLanguage(language);
    QVERIFY(m_translations->install(ui));
    const bool english = ui == tc::UiLanguage::English;

    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    enter(m_widget->queryEdit(), typed, english ? Entry::Keys : Entry::InputMethod);
    const tc::FaqEntry *entry = m_widget->currentFaqEntry();
    QVERIFY(entry);
    QCOMPARE(entry->id, id);
    QCOMPARE(m_widget->currentEntry(), nullptr);

    // The row says it is a question, in the UI language.
    const QAbstractItemModel *model = m_widget->model();
    QCOMPARE(model->index(0, tc::CatalogMatchModel::KindColumn).data().toString(),
             tc::CatalogMatchModel::kindText(tc::ExplainKind::Question));
    QCOMPARE(model->index(0, tc::CatalogMatchModel::TextColumn).data().toString(),
             (english ? entry->question.en : entry->question.ja).simplified());

    // The customer hears Japanese: the question and the words to say are there in Japanese in
    // both UI languages, the English beside them only on the English UI.
    const QString details = m_widget->detailsView()->toPlainText();
    QVERIFY2(details.contains(entry->question.ja.section(u'\n', 0, 0)), qPrintable(details));
    for (const QString &line : entry->answer.ja.split(u'\n'))
        QVERIFY2(details.contains(line), qPrintable(line));
    QCOMPARE(details.contains(entry->answer.en.section(u'\n', 0, 0)), english);
    QVERIFY(details.contains(english ? entry->staffNote.en : entry->staffNote.ja));
    QVERIFY(!details.contains(english ? entry->staffNote.ja : entry->staffNote.en));
    if (english) {
        QVERIFY(details.contains(u"Words to say"_s));
        QVERIFY(details.contains(entry->source));
    }
}

void TestExplainer::supportDeskLine_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("ja") << u"ja"_s;
    QTest::newRow("en") << u"en"_s;
}

void TestExplainer::supportDeskLine()
{
    QFETCH(QString, language);
    QVERIFY(m_translations->install(*tc::parseUiLanguage(language)));
    const bool english = language == u"en"_s;

    // Sent to the branch: the customer's branch and the support desk, once the console knows
    // them; the details follow when they arrive.
    m_widget->setQuery(u"電話番号が分からない"_s);
    QCOMPARE(m_widget->currentFaqEntry()->referTo, tc::FaqReferral::Branch);
    QString details = m_widget->detailsView()->toPlainText();
    QVERIFY(!details.contains(supportDesk));
    if (english) {
        QVERIFY(details.contains(u"Send the customer to"_s));
        QVERIFY(details.contains(u"open the customer to see which"_s));
        QVERIFY(details.contains(u"Support desk: not configured"_s));
    }

    m_widget->setSupportDesk(supportDesk);
    m_widget->setCustomerBranch(u"三宮支店 (002)"_s);
    details = m_widget->detailsView()->toPlainText();
    QVERIFY2(details.contains(supportDesk), qPrintable(details));
    QVERIFY(details.contains(u"三宮支店 (002)"_s));

    // An answer that sends nobody anywhere shows neither.
    m_widget->setQuery(u"ATMも止まる?"_s);
    QCOMPARE(m_widget->currentFaqEntry()->referTo, tc::FaqReferral::None);
    details = m_widget->detailsView()->toPlainText();
    QVERIFY(!details.contains(supportDesk));
    QVERIFY(!details.contains(u"三宮支店"_s));

    // No customer open any more: the branch line says where to look instead.
    m_widget->setQuery(u"forgot my PIN"_s);
    QCOMPARE(m_widget->currentFaqEntry()->id, u"forgotten-pin"_s);
    m_widget->setCustomerBranch({});
    details = m_widget->detailsView()->toPlainText();
    QVERIFY(details.contains(supportDesk));
    QVERIFY(!details.contains(u"三宮支店"_s));
}

void TestExplainer::explainCodeShowsItsQuestions()
{
    QVERIFY(m_translations->install(tc::UiLanguage::English));
    m_widget->explainCode(u" b84 "_s);
    QCOMPARE(m_widget->queryEdit()->text(), u"b84"_s);
    QVERIFY(m_widget->currentEntry());
    QCOMPARE(m_widget->currentEntry()->code, u"B84"_s);
    QCOMPARE(m_widget->resultsView()->currentIndex().row(), 0);

    // The question about the lock follows the code in the list.
    int questionRow = -1;
    for (int row = 0; row < m_widget->model()->rowCount(); ++row) {
        const tc::FaqEntry *faq = m_widget->model()->faqEntryAt(row);
        if (faq && faq->id == u"identity-lock-release"_s)
            questionRow = row;
    }
    QVERIFY(questionRow > 0);

    // Its details link the related codes: following one explains that code.
    m_widget->resultsView()->setCurrentIndex(m_widget->model()->index(questionRow, 0));
    QCOMPARE(m_widget->currentFaqEntry()->id, u"identity-lock-release"_s);
    QVERIFY(m_widget->detailsView()->toHtml().contains(u"code:B83"_s));
    Q_EMIT m_widget->detailsView()->anchorClicked(QUrl(u"code:B83"_s));
    QCOMPARE(m_widget->currentEntry()->code, u"B83"_s);
}

void TestExplainer::questionChosenByKeyboard()
{
    m_widget->show();
    QApplication::setActiveWindow(m_widget.get());
    QVERIFY(QTest::qWaitForWindowActive(m_widget.get()));
    m_widget->setFocus();
    QSignalSpy questions(m_widget.get(), &tc::ExplainerWidget::questionChosen);
    QSignalSpy codes(m_widget.get(), &tc::ExplainerWidget::entryChosen);
    QLineEdit *edit = m_widget->queryEdit();
    QTableView *results = m_widget->resultsView();

    // The code first, its questions below: Down twice reaches the first question.
    QTest::keyClicks(edit, u"D84"_s);
    QTest::keyClick(edit, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), results);
    QCOMPARE(m_widget->currentEntry()->code, u"D84"_s);
    QTest::keyClick(results, Qt::Key_Down);
    const tc::FaqEntry *question = m_widget->currentFaqEntry();
    QVERIFY(question);
    QVERIFY(question->relatedCodes.contains(u"D84"_s));
    QVERIFY(m_widget->detailsView()->toPlainText().contains(question->answer.ja));
    QTest::keyClick(results, Qt::Key_Return);
    QCOMPARE(questions.count(), 1);
    QCOMPARE(questions.at(0).at(0).toString(), question->id);
    QCOMPARE(codes.count(), 0);

    // Tab reaches the details, where the words to say are read from.
    QTest::keyClick(results, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), m_widget->detailsView());
}

void TestExplainer::controlsHaveAccessibleNames()
{
    for (QWidget *control : std::initializer_list<QWidget *> {
             m_widget->queryEdit(), m_widget->resultsView(), m_widget->detailsView()}) {
        QVERIFY2(!control->accessibleName().isEmpty(), control->metaObject()->className());
    }
}

void TestExplainer::screenshot_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("typed");
    QTest::newRow("ja") << u"ja"_s << u"電話番号が分からない"_s;
    QTest::newRow("en") << u"en"_s << u"phone number forgotten"_s;
}

void TestExplainer::screenshot()
{
    QFETCH(QString, language);
    QFETCH(QString, typed);
    QVERIFY(m_translations->install(*tc::parseUiLanguage(language)));
    m_widget->setSupportDesk(supportDesk);
    m_widget->setCustomerBranch(u"三宮支店 (002)"_s);
    m_widget->resize(900, 640);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    enter(m_widget->queryEdit(), typed, Entry::InputMethod);
    QCOMPARE(m_widget->currentFaqEntry()->id, u"registered-phone-unknown"_s);

    const QString path = tc::test::screenshotDir() + u"/explainer_faq_"_s + language + u".png"_s;
    QVERIFY(m_widget->grab().save(path));
    qInfo("saved %s", qPrintable(path));
}

QTEST_MAIN(TestExplainer)
#include "tst_explainer.moc"
