// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QQuickPaintedItem>

#include <functional>

namespace placard {

/// A part of a larger item's drawing, as big as that part: the item sizes and places it,
/// and its painter function draws in the item's own coordinates. The software scene graph
/// draws again only the rectangle of an item that changed, with everything under it, so a
/// drawing that covers little of the map costs little per frame.
class LayerCanvas : public QQuickPaintedItem {
    Q_OBJECT

public:
    using PaintFunction = std::function<void(QPainter *)>;

    LayerCanvas(QQuickItem *parent, PaintFunction paint);

    void paint(QPainter *painter) override;

private:
    PaintFunction m_paint;
};

} // namespace placard
