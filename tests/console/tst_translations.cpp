// The Japanese translation is the default UI: it must be complete, and both .ts files must cover
// the same source strings.
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    QString translationType; // "" when finished
    QStringList translations; // one, or the numerus forms
    bool numerus = false;

    QString key() const { return context % u'\x1f' % source % u'\x1f' % comment; }
};

QList<TsMessage> readTsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (xml.readNext() != QXmlStreamReader::Invalid && !xml.atEnd()) {
        if (xml.isEndElement() && xml.name() == u"message") {
            messages.append(current);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            current = TsMessage {context};
            current.numerus = xml.attributes().value(u"numerus"_s) == u"yes";
        } else if (name == u"source") {
            current.source = xml.readElementText();
        } else if (name == u"comment") {
            current.comment = xml.readElementText();
        } else if (name == u"translation") {
            current.translationType = xml.attributes().value(u"type"_s).toString();
            if (!current.numerus)
                current.translations = {xml.readElementText()};
        } else if (name == u"numerusform") {
            current.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = xml.errorString() % u" at line "_s % QString::number(xml.lineNumber());
    return messages;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(TC_TRANSLATIONS_DIR) % u"/teller-console_"_s % language % u".ts"_s;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(n|\\d+)"_s);
    QSet<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.insert(match.captured());
    return found;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void japaneseIsComplete();
    void placeholdersSurvive_data();
    void placeholdersSurvive();
    void englishCoversJapanese();
};

void TestTranslations::japaneseIsComplete()
{
    QString error;
    const QList<TsMessage> messages = readTsFile(tsPath(u"ja"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 20, "teller-console_ja.ts holds almost nothing: run lupdate");
    for (const TsMessage &message : messages) {
        const QByteArray where = (message.context % u": "_s % message.source).toUtf8();
        QVERIFY2(message.translationType.isEmpty(), where.constData());
        QVERIFY2(!message.translations.isEmpty(), where.constData());
        for (const QString &translation : message.translations)
            QVERIFY2(!translation.trimmed().isEmpty(), where.constData());
    }
}

void TestTranslations::placeholdersSurvive_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("ja") << u"ja"_s;
    QTest::newRow("en") << u"en"_s;
}

void TestTranslations::placeholdersSurvive()
{
    QFETCH(QString, language);
    QString error;
    const QList<TsMessage> messages = readTsFile(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const TsMessage &message : messages) {
        for (const QString &translation : message.translations) {
            QVERIFY2(placeholders(translation) == placeholders(message.source),
                     qPrintable(message.source % u" → "_s % translation));
        }
    }
}

void TestTranslations::englishCoversJapanese()
{
    QString error;
    const QList<TsMessage> ja = readTsFile(tsPath(u"ja"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<TsMessage> en = readTsFile(tsPath(u"en"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> english;
    for (const TsMessage &message : en)
        english.insert(message.key());
    for (const TsMessage &message : ja)
        QVERIFY2(english.contains(message.key()), qPrintable(message.source));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
