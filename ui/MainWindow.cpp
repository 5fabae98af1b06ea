#include "MainWindow.h"

#include "ExplainerWidget.h"
#include "ServiceStatusWidget.h"
#include "UpcomingWindowsModel.h"
#include "ui_MainWindow.h"

#include <QApplication>
#include <QHeaderView>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace tc {

MainWindow::MainWindow(const ErrorCatalog &catalog, const ServiceCalendar &calendar, Clock clock,
                       QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_calendar(calendar),
      m_clock(std::move(clock))
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Teller Console %1").arg(QStringLiteral(TC_VERSION)));

    m_explainer = new ExplainerWidget(catalog, m_ui->explainerTab);
    m_ui->explainerLayout->addWidget(m_explainer);
    m_ui->explainerLayout->setContentsMargins(0, 0, 0, 0);

    m_upcoming = new UpcomingWindowsModel(this);
    m_ui->upcomingView->setModel(m_upcoming);
    QHeaderView *header = m_ui->upcomingView->horizontalHeader();
    for (int column = 0; column < UpcomingWindowsModel::ReasonColumn; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_status = new ServiceStatusWidget(calendar, m_clock, this);
    m_ui->statusBar->addPermanentWidget(m_status, 1);
    // Opening or closing moves the plan on: the window that just ended leaves the list.
    connect(m_status, &ServiceStatusWidget::openChanged, this, &MainWindow::refreshUpcoming);
    refreshUpcoming();

    connect(m_ui->actionQuit, &QAction::triggered, this, &MainWindow::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);

    m_ui->tabs->setCurrentWidget(m_ui->explainerTab);
    setFocusProxy(m_explainer);
    m_explainer->setFocus();
}

MainWindow::~MainWindow() = default;

QTabWidget *MainWindow::tabs() const
{
    return m_ui->tabs;
}

QTableView *MainWindow::upcomingView() const
{
    return m_ui->upcomingView;
}

void MainWindow::refreshUpcoming()
{
    m_upcoming->refresh(m_calendar, m_clock());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Teller Console"),
        tr("<p><b>Teller Console %1</b></p><p>For branch and phone-support staff of API linkage "
           "authentication: explains the codes and messages customers see and shows when the "
           "service is closed. Times are Asia/Tokyo.</p><p>Built with Qt %2.</p>")
            .arg(QStringLiteral(TC_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace tc
