// SPDX-License-Identifier: GPL-3.0-or-later
#include "layercanvas.h"

#include <QPainter>

namespace placard {

LayerCanvas::LayerCanvas(QQuickItem *parent, PaintFunction paint)
    : QQuickPaintedItem(parent)
    , m_paint(std::move(paint))
{
    setAntialiasing(true);
    setOpaquePainting(false);
    // Input goes to the item below, which owns the drawing.
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void LayerCanvas::paint(QPainter *painter)
{
    painter->translate(-position());
    m_paint(painter);
}

} // namespace placard
