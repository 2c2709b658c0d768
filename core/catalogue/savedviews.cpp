// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/savedviews.h"

#include "catalogue/catalogue.h"
#include "catalogue/sqlite.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <sqlite3.h>

#include <cmath>

namespace placard {

namespace {

constexpr qsizetype kLongestName = 200;

QString extentToText(const SavedView &view)
{
    if (!view.hasExtent())
        return {};
    const QJsonObject extent{{QLatin1String("latitude"), view.latitude},
                             {QLatin1String("longitude"), view.longitude},
                             {QLatin1String("zoom"), view.zoom}};
    return QString::fromUtf8(QJsonDocument(extent).toJson(QJsonDocument::Compact));
}

// One row as stored; false and *error when its filter or extent is not well formed.
bool readRow(const sql::Statement &q, SavedView *view, QString *error)
{
    view->name = q.text(0);
    QJsonParseError parse;
    const QJsonDocument filter = QJsonDocument::fromJson(q.bytes(1).toByteArray(), &parse);
    if (!filter.isObject()) {
        *error = QStringLiteral("the filter of view \"%1\" is not a JSON object").arg(view->name);
        return false;
    }
    view->filter = filter.object();
    if (q.isNull(2))
        return true;
    const QJsonDocument extentDocument = QJsonDocument::fromJson(q.bytes(2).toByteArray(), &parse);
    const QJsonObject extent = extentDocument.object();
    const auto number = [&](const char *key, double bound, double *out) {
        const QJsonValue v = extent.value(QLatin1String(key));
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d) || std::abs(d) > bound)
            return false;
        *out = d;
        return true;
    };
    if (!extentDocument.isObject() || !number("latitude", 90, &view->latitude) ||
        !number("longitude", 180, &view->longitude) || !number("zoom", 30, &view->zoom) ||
        view->zoom < 0) {
        *error = QStringLiteral("the map extent of view \"%1\" is not well formed").arg(view->name);
        view->latitude = view->longitude = view->zoom = std::numeric_limits<double>::quiet_NaN();
        return false;
    }
    return true;
}

} // namespace

bool SavedView::hasExtent() const
{
    return std::isfinite(latitude) && std::isfinite(longitude) && std::isfinite(zoom);
}

QList<SavedView> savedViews(const Catalogue &catalogue, QString *error)
{
    QList<SavedView> views;
    QStringList problems;
    sql::Statement q(catalogue.handle(),
                     "SELECT name, filter, extent FROM saved_views ORDER BY name COLLATE NOCASE, "
                     "name");
    while (q.next()) {
        SavedView view;
        QString problem;
        if (readRow(q, &view, &problem))
            views.append(view);
        else
            problems << problem;
    }
    if (!q.isValid() || q.resultCode() != SQLITE_DONE)
        problems << q.error();
    if (error)
        *error = problems.join(QStringLiteral("; "));
    return views;
}

std::optional<SavedView> savedView(const Catalogue &catalogue, const QString &name, QString *error)
{
    sql::Statement q(catalogue.handle(),
                     "SELECT name, filter, extent FROM saved_views WHERE name = ?1");
    q.bind(1, name.trimmed());
    SavedView view;
    QString problem;
    if (!q.next())
        problem = q.isValid() && q.resultCode() == SQLITE_DONE
            ? QStringLiteral("there is no view \"%1\"").arg(name)
            : q.error();
    else if (readRow(q, &view, &problem))
        return view;
    if (error)
        *error = problem;
    return std::nullopt;
}

QString saveView(Catalogue &catalogue, const SavedView &view)
{
    const QString name = view.name.trimmed();
    if (name.isEmpty())
        return QStringLiteral("a view needs a name");
    if (name.size() > kLongestName)
        return QStringLiteral("the name is longer than %1 characters").arg(kLongestName);
    sqlite3 *db = catalogue.handle();
    QString error;
    if (!sql::exec(db, "BEGIN IMMEDIATE", &error))
        return error;
    sql::Statement q(db,
                     "INSERT INTO saved_views(name, filter, extent) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT(name) DO UPDATE SET filter = excluded.filter, "
                     "extent = excluded.extent");
    q.bind(1, name)
        .bind(2, QJsonDocument(view.filter).toJson(QJsonDocument::Compact))
        .bind(3, extentToText(view));
    if (!q.isValid() || !q.run()) {
        error = q.error();
        sql::exec(db, "ROLLBACK");
        return error;
    }
    if (!sql::exec(db, "COMMIT", &error)) {
        sql::exec(db, "ROLLBACK");
        return error;
    }
    return {};
}

QString removeView(Catalogue &catalogue, const QString &name)
{
    sql::Statement q(catalogue.handle(), "DELETE FROM saved_views WHERE name = ?1");
    q.bind(1, name.trimmed());
    if (!q.isValid() || !q.run())
        return q.error();
    return {};
}

} // namespace placard
