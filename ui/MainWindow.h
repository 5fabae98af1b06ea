#pragma once

#include "Clock.h"

#include <QMainWindow>

#include <memory>

class QTabWidget;
class QTableView;

namespace tc {

class ErrorCatalog;
class ExplainerWidget;
class ServiceCalendar;
class ServiceStatusWidget;
class UpcomingWindowsModel;

namespace Ui {
class MainWindow;
}

// The console's window: the offline explainer and the planned service pauses, with the live
// service status in the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // The catalog and the calendar must outlive the window.
    MainWindow(const ErrorCatalog &catalog, const ServiceCalendar &calendar, Clock clock,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    ExplainerWidget *explainer() const { return m_explainer; }
    ServiceStatusWidget *serviceStatus() const { return m_status; }
    UpcomingWindowsModel *upcomingModel() const { return m_upcoming; }
    QTabWidget *tabs() const;
    QTableView *upcomingView() const;

public Q_SLOTS:
    void showAbout();

private:
    Q_DISABLE_COPY_MOVE(MainWindow)

    void refreshUpcoming();

    std::unique_ptr<Ui::MainWindow> m_ui;
    const ServiceCalendar &m_calendar;
    Clock m_clock;
    ExplainerWidget *m_explainer = nullptr;
    ServiceStatusWidget *m_status = nullptr;
    UpcomingWindowsModel *m_upcoming = nullptr;
};

} // namespace tc
