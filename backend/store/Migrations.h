#pragma once

#include "BackendConfig.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tc::backend {

// One step of the schema. Statements are written once for both engines; the few words that
// differ are placeholders (see Migrations.cpp).
struct Migration
{
    int version = 0;
    QString description;
    QStringList statementTemplates;

    QStringList statements(DatabaseDriver driver) const;
};

// Every migration, oldest first. Applied migrations are never edited: change the schema with a
// new one.
const QList<Migration> &migrations();

} // namespace tc::backend
