// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/symbols.h"

#include <QHash>
#include <QList>
#include <QRectF>

#include <vector>

class QPainter;

namespace placard::render {

/// What a map's legend has to explain of the symbols drawn.
struct LegendFacts {
    QList<qint64> types; ///< event types on the map, most events first, then by id
    QList<qint64> sizeSteps; ///< crowd sizes for the size scale, ascending; empty: none known
    bool unknownSize = false;
    bool area = false; ///< some events are placed only at a state or country
    bool imprecise = false; ///< some dates are known only to the month or year
    bool clusters = false; ///< some symbols stand for several events

    /// The facts of the events listed by `indices` into `points`, with `clusters` as given.
    static LegendFacts of(const MapPoints &points, const std::vector<quint32> &indices,
                          bool clusters);
    /// The facts of two sets of symbols together.
    LegendFacts united(const LegendFacts &other) const;
    friend bool operator==(const LegendFacts &, const LegendFacts &) = default;
};

/// Round crowd sizes for a size scale, up to three: the largest 1, 2 or 5 × a power of ten no
/// more than `largest` (nor than 50,000, where symbols stop growing), then powers of ten below
/// it whose circles can be told apart.
QList<qint64> sizeScale(qint64 largest);

/// A legend: entries of a symbol and its words, types first, then the size scale and the
/// symbol styles, laid out either as lines that wrap (above a map) or as a column (a key in a
/// corner of the map). Sizes in layout pixels times `scale`.
class Legend {
public:
    /// `neutral` is the colour of the symbols that explain styles rather than types.
    Legend(const LegendFacts &facts, const QHash<qint64, QString> &typeNames, double scale,
           const QColor &neutral = QColor(0x6b, 0x73, 0x7b));

    bool isEmpty() const { return m_entries.isEmpty(); }
    /// The texts of the entries, in order: for tests.
    QStringList texts() const;
    /// The height it needs to fit `width` device pixels; as a column, one entry a line.
    double height(double width, bool column = false) const;
    /// The width of its widest entry.
    double columnWidth() const;
    /// Draws it into `rect` (device pixels), text in `ink`.
    void draw(QPainter &painter, const QRectF &rect, const QColor &ink, bool column = false) const;

private:
    /// One entry: symbols and words that stay on one line together.
    struct Part {
        std::optional<Symbol> symbol;
        QString text;
    };
    struct Entry {
        QList<Part> parts;
        bool groupStart = false; ///< starts the second group: after a wider gap
    };
    double partWidth(const Part &part) const;
    double entryWidth(const Entry &entry) const;
    double entryHeight(const Entry &entry) const;
    /// The width of the widest first symbol: the column they share when the legend is one.
    double symbolColumn() const;
    /// Calls place(entry, x, y, lineHeight) for each entry laid out in `width`; the height.
    template<typename Place> double layout(double width, bool column, Place &&place) const;

    QList<Entry> m_entries;
    double m_scale;
};

} // namespace placard::render
