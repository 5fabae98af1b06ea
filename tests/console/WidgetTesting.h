#pragma once

// Small helpers of the console's widget tests: where screenshots go, a named child that must
// exist, and retyping a field as a person would.
#include <QDir>
#include <QLineEdit>
#include <QTest>
#include <QWidget>

namespace tc::test {

// $TC_TEST_OUTPUT_DIR (ctest sets it to build/…/test-output), else a folder under /tmp.
inline QString screenshotDir()
{
    QString dir = qEnvironmentVariable("TC_TEST_OUTPUT_DIR");
    if (dir.isEmpty())
        dir = QDir::tempPath() + QStringLiteral("/tc-test-output");
    QDir().mkpath(dir);
    return dir;
}

// The child of that object name; ends the test program when the form lacks it.
template<typename T>
T *child(const QWidget &parent, const QString &objectName)
{
    T *widget = parent.findChild<T *>(objectName);
    if (!widget)
        qFatal("no child %s", qPrintable(objectName));
    return widget;
}

// Types text as an input method commits it: QTest::keyClicks knows Latin-1 only.
inline void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

// Focus, select all, erase, type.
inline void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace tc::test
