// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <optional>

class QLabel;

namespace placard {

class MapWidget;

/// A small map to click where something took place: the import wizard's way to place rows
/// whose place the gazetteer does not know. Accepted with the point clicked.
class PickPointDialog : public QDialog {
    Q_OBJECT

public:
    /// `what` names the place in the prompt ("Spingfeld, Narnia").
    explicit PickPointDialog(const QString &what, QWidget *parent = nullptr);

    MapWidget *map() const { return m_map; }
    /// The point clicked (latitude, longitude), once accepted.
    std::optional<std::pair<double, double>> point() const { return m_point; }

private:
    MapWidget *m_map;
    std::optional<std::pair<double, double>> m_point;
};

} // namespace placard
