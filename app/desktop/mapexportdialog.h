// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/clusters.h"
#include "render/animation.h"
#include "render/mapexport.h"

#include <QDialog>
#include <QHash>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace placard {

/// File ▸ Export Map: the page's preset or size, extent (the current view or fitted to the
/// events), titles, credit, style, legend and scale bar, with a live preview drawn by the same
/// renderer as the file; Export… writes PNG, SVG or PDF on a worker thread.
class MapExportDialog : public QDialog {
    Q_OBJECT

public:
    /// `points` are the events the map shows; `view` the world rectangle it shows.
    MapExportDialog(std::shared_ptr<const MapPoints> points,
                    const QHash<qint64, QString> &typeNames, const QRectF &view,
                    const QString &caption, const QString &credit, QWidget *parent = nullptr);

    /// The settings as the dialog shows them.
    render::MapExportSettings settings() const;
    /// The preview as last drawn.
    QImage preview() const { return m_preview; }
    /// Draws the preview now instead of after the typing pause.
    void updatePreview();
    /// Writes the page to a file (format from its suffix) on a worker; empty or why not.
    QString exportTo(const QString &path);

    /// Offers "Export Animation…": these frames, each with the events pointsFor gives.
    void setAnimation(
        const QList<render::AnimationFrame> &frames,
        std::function<std::shared_ptr<const MapPoints>(const render::AnimationFrame &)> pointsFor);
    /// Writes the animation's PNG frames for `path` (and, when `video` is given and ffmpeg is
    /// installed, an MP4) on a worker with progress and Cancel; empty or why not.
    QString exportAnimationTo(const QString &path, const QString &video = {});

private:
    void applyPreset();

    std::shared_ptr<const MapPoints> m_points;
    QHash<qint64, QString> m_typeNames;
    QRectF m_view;
    std::shared_ptr<const geo::BasemapRenderer> m_basemap[2]; ///< light, dark; made on demand
    QComboBox *m_preset;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QSpinBox *m_dpi;
    QComboBox *m_extent;
    QLineEdit *m_title;
    QLineEdit *m_subtitle;
    QLineEdit *m_caption;
    QLineEdit *m_credit;
    QComboBox *m_style;
    QCheckBox *m_legend;
    QCheckBox *m_scaleBar;
    QLabel *m_previewLabel;
    QLabel *m_status;
    QTimer *m_pause;
    QImage m_preview;
    QList<render::AnimationFrame> m_frames;
    std::function<std::shared_ptr<const MapPoints>(const render::AnimationFrame &)> m_pointsFor;
    QPushButton *m_animate = nullptr;

    std::shared_ptr<const geo::BasemapRenderer> basemap(geo::BasemapStyle style);
};

} // namespace placard
