// The customer search box's keys, with a model standing in for the server's answers (the
// desk test drives it against the real backend).
#include "SearchWidget.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

class TestSearchWidget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void typingSearchesAfterAPause();
    void downAndUpMoveBetweenBoxAndResults();
    void enterBeforeTheAnswerOpensTheFirstResult();
    void escapeClears();
    void hintStandsInForAnEmptyList();

private:
    void answer(const QStringList &names);

    std::unique_ptr<tc::SearchWidget> m_widget;
    std::unique_ptr<QStandardItemModel> m_model;
};

void TestSearchWidget::init()
{
    m_model = std::make_unique<QStandardItemModel>();
    m_widget = std::make_unique<tc::SearchWidget>();
    m_widget->setModel(m_model.get());
    m_widget->show();
    QApplication::setActiveWindow(m_widget.get());
    QVERIFY(QTest::qWaitForWindowActive(m_widget.get()));
    m_widget->focusSearch();
}

void TestSearchWidget::cleanup()
{
    m_widget.reset();
    m_model.reset();
}

void TestSearchWidget::answer(const QStringList &names)
{
    m_model->clear();
    for (const QString &name : names)
        m_model->appendRow(new QStandardItem(name));
}

void TestSearchWidget::typingSearchesAfterAPause()
{
    QSignalSpy searches(m_widget.get(), &tc::SearchWidget::searchRequested);
    QTest::keyClicks(m_widget->searchEdit(), u"001-1234567"_s);
    QCOMPARE(searches.size(), 0); // not on every key
    QVERIFY(searches.wait());
    QCOMPARE(searches.size(), 1);
    QCOMPARE(searches.constFirst().constFirst().toString(), u"001-1234567"_s);
}

void TestSearchWidget::downAndUpMoveBetweenBoxAndResults()
{
    QTest::keyClicks(m_widget->searchEdit(), u"0786310000"_s);
    answer({u"ﾃﾞｰﾀ ﾀﾛｳ"_s, u"ﾃﾞｰﾀ ﾊﾅｺ"_s});
    QTest::keyClick(m_widget->searchEdit(), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), m_widget->resultsView());
    QCOMPARE(m_widget->resultsView()->currentIndex().row(), 0);
    QTest::keyClick(m_widget->resultsView(), Qt::Key_Down);
    QCOMPARE(m_widget->resultsView()->currentIndex().row(), 1);

    QSignalSpy opened(m_widget.get(), &tc::SearchWidget::customerActivated);
    QTest::keyClick(m_widget->resultsView(), Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.constFirst().constFirst().value<QModelIndex>().data().toString(),
             u"ﾃﾞｰﾀ ﾊﾅｺ"_s);

    QTest::keyClick(m_widget->resultsView(), Qt::Key_Up);
    QTest::keyClick(m_widget->resultsView(), Qt::Key_Up);
    QCOMPARE(QApplication::focusWidget(), m_widget->searchEdit());
}

void TestSearchWidget::enterBeforeTheAnswerOpensTheFirstResult()
{
    QSignalSpy searches(m_widget.get(), &tc::SearchWidget::searchRequested);
    QSignalSpy opened(m_widget.get(), &tc::SearchWidget::customerActivated);
    QTest::keyClicks(m_widget->searchEdit(), u"001-1234567"_s);
    QTest::keyClick(m_widget->searchEdit(), Qt::Key_Return);
    QCOMPARE(searches.size(), 1); // at once, not after the pause
    QCOMPARE(opened.size(), 0);
    answer({u"ﾃﾞｰﾀ ﾀﾛｳ"_s});
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.constFirst().constFirst().value<QModelIndex>().row(), 0);
}

void TestSearchWidget::escapeClears()
{
    QSignalSpy searches(m_widget.get(), &tc::SearchWidget::searchRequested);
    QTest::keyClicks(m_widget->searchEdit(), u"0786310000"_s);
    QTest::keyClick(m_widget->searchEdit(), Qt::Key_Escape);
    QVERIFY(m_widget->searchEdit()->text().isEmpty());
    QCOMPARE(searches.constLast().constFirst().toString(), QString());
}

void TestSearchWidget::hintStandsInForAnEmptyList()
{
    QVERIFY(!m_widget->resultsView()->isVisible());
    answer({u"ﾃﾞｰﾀ ﾀﾛｳ"_s});
    QVERIFY(m_widget->resultsView()->isVisible());
    answer({});
    QVERIFY(!m_widget->resultsView()->isVisible());
}

QTEST_MAIN(TestSearchWidget)
#include "tst_searchwidget.moc"
