// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <limits>
#include <optional>

namespace placard {

class Catalogue;

/// A named filter and map extent, kept in the catalogue's saved_views table. The filter is
/// what filterToJson() writes, stored as JSON text and only checked here to be a JSON object:
/// read it with filterFromJson(), which checks the rest. The extent is the map's centre
/// (WGS 84 degrees) and zoom level.
struct SavedView {
    QString name;
    QJsonObject filter;
    double latitude = std::numeric_limits<double>::quiet_NaN();
    double longitude = std::numeric_limits<double>::quiet_NaN();
    double zoom = std::numeric_limits<double>::quiet_NaN();
    /// Whether the view has a map extent: NaNs mean none, and none is stored as NULL.
    bool hasExtent() const;
};

/// The catalogue's saved views, by name. A catalogue is untrusted: a view whose filter is not a
/// JSON object or whose extent is not well formed is left out and named in *error, and the
/// rest are returned.
QList<SavedView> savedViews(const Catalogue &catalogue, QString *error = nullptr);

/// One saved view by name; nullopt and *error when there is none or it is not well formed.
std::optional<SavedView> savedView(const Catalogue &catalogue, const QString &name,
                                   QString *error = nullptr);

/// Saves a view under its name (trimmed, not empty), replacing one of the same name, in one
/// transaction. Returns an error, or empty on success.
QString saveView(Catalogue &catalogue, const SavedView &view);

/// Removes the view of that name; removing one that does not exist is not an error.
/// Returns an error, or empty on success.
QString removeView(Catalogue &catalogue, const QString &name);

} // namespace placard
