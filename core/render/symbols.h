// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/clusters.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QString>

#include <vector>

class QPainter;

namespace placard::render {

/// The looks of a symbol, as the map's event layer draws them.
enum class SymbolStyle : quint8 {
    Cluster, ///< several events: a dark disc that carries their count
    Sized, ///< one event of known size: a disc in its type's colour, its area growing with the
           ///< crowd
    UnknownSize, ///< one event of unknown size: a light disc with an edge in its type's colour
    Area, ///< placed only at a state or country: a hollow dotted ring, never mistaken for a town
};

/// One symbol. Sizes are in layout pixels (1/96 inch, as on screen).
struct Symbol {
    SymbolStyle style = SymbolStyle::Sized;
    qint64 type = 0; ///< decides the colour (see typeColour); unused for clusters
    double radius = 5;
    bool dateHalo = false; ///< a dashed halo: the date is known only to the month or year
    QColor colour; ///< when valid, instead of the type's colour (the legend's neutral styles)
};

/// The radius of a lone event's symbol for a crowd size (-1 unknown): its area grows with the
/// crowd, within 4 and 22 layout pixels.
double eventRadius(qint64 size);
/// The radius of a cluster of `count` events: it grows with the log of the count and stays
/// within its 44-pixel cell, so neighbours never hide each other's numbers.
double clusterRadius(int count);
/// The symbol of a lone event, as the map shows it.
Symbol symbolFor(const MapPoint &point);
/// The radius, in pixels, of a cluster's symbol, or of its event's when it stands for one.
double symbolRadius(const Cluster &cluster);
/// Merges symbols that would overlap beyond their rims into one cluster at their events'
/// mean, until none do. A grid groups the events of a town that straddles a cell's edge into
/// two or three clusters almost on top of each other, their numbers hidden. Keeps the order
/// of what is left.
void mergeOverlapping(std::vector<Cluster> &clusters);
/// A count short enough for a cluster: 999, 1.2k, 12k, 1.2M.
QString compactCount(int count);
/// The colour of a cluster's disc, and of the text on it.
QColor clusterFill();

/// Draws a symbol as vector shapes centred on `centre` (device pixels); its sizes and pens
/// are multiplied by `scale` (device pixels per layout pixel).
void drawSymbol(QPainter &painter, const Symbol &symbol, QPointF centre, double scale);

/// Symbols drawn once into images at one scale and copied wherever they recur: thousands of
/// antialiased circles would take far longer to draw one by one. For raster output only; a
/// vector output draws each symbol with drawSymbol(). Not thread-safe.
class SymbolStamps {
public:
    explicit SymbolStamps(double scale);
    /// Copies the symbol's image centred on `centre` (device pixels).
    void stamp(QPainter &painter, const Symbol &symbol, QPointF centre);

private:
    double m_scale;
    QHash<quint64, QImage> m_images; ///< keyed by style, colour, halo and radius to 1/4 px
};

} // namespace placard::render
