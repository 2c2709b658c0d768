// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/histogram.h"

#include <QWidget>

#include <memory>

namespace placard {

class TimelineController;

/// The timeline: a histogram of the filtered events stacked by type (the map's colours),
/// with the controller's active window drawn over it. Drag on the bars to brush a new
/// window, drag inside it to move it, drag its edges to resize it; drag the date axis (or
/// with the middle button) to pan and turn the wheel to zoom. Keys: ←/→ step, Shift+←/→
/// shorten or lengthen the window by a day, Home/End, Space plays, +/− zoom.
class TimelineWidget : public QWidget {
    Q_OBJECT

public:
    explicit TimelineWidget(TimelineController *controller, QWidget *parent = nullptr);

    /// The days shown, first and last (the view, not the active window).
    qint32 viewFirst() const { return qint32(std::floor(m_viewFirst)); }
    qint32 viewLast() const { return qint32(std::ceil(m_viewLast)); }
    /// Shows these days (and asks for a histogram of them).
    void setView(double first, double last);
    /// Shows the controller's whole extent.
    void showExtent();
    void setHistogram(std::shared_ptr<const Histogram> histogram);
    const Histogram *histogram() const { return m_histogram.get(); }
    /// Names of the types, for tooltips.
    void setTypeNames(const QHash<qint64, QString> &names) { m_typeNames = names; }

    /// The x coordinate of the start of a day, and the day under an x coordinate.
    double xOfDay(double day) const;
    double dayAt(double x) const;
    /// The rectangle the bars are drawn in.
    QRectF plotRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The days shown changed: the histogram for them (and this unit) is wanted.
    void viewChanged(qint32 first, qint32 last, placard::Period::Unit unit);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    enum class Drag { None, Brush, Move, ResizeStart, ResizeEnd, Pan };
    Drag dragAt(QPointF position) const;
    void zoomBy(double factor, double aroundDay);
    void paintAxis(QPainter &painter, const QRectF &plot) const;

    TimelineController *m_controller;
    std::shared_ptr<const Histogram> m_histogram;
    QHash<qint64, QString> m_typeNames;
    double m_viewFirst = 0;
    double m_viewLast = 30;
    Drag m_drag = Drag::None;
    double m_pressDay = 0;
    double m_pressX = 0;
    qint32 m_pressStart = 0;
    qint32 m_pressEnd = 0;
    double m_pressViewFirst = 0;
};

} // namespace placard
