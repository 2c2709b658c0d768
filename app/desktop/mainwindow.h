// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QStackedWidget;

namespace placard {

class MapWidget;

/// Placard's main window: menus, status bar, and the map as central widget, or an
/// error page saying why the map could not load.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    MapWidget *mapWidget() const { return m_map; }
    /// True while the error page stands in for the map.
    bool showsMapError() const;
    /// The text of the error page (empty while the map shows).
    QString mapErrorText() const;

    /// Loads the map page; on failure the error page shows instead.
    bool loadMap(const QUrl &page);

private:
    void createMenus();
    void showMapError(const QString &errors);
    void updateZoomLabel();

    QStackedWidget *m_stack = nullptr;
    MapWidget *m_map = nullptr;
    QLabel *m_errorPage = nullptr;
    QLabel *m_zoomLabel = nullptr;
};

} // namespace placard
