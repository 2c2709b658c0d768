// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/legend.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace placard::render {

namespace {

constexpr double kFont = 12; ///< layout pixels
constexpr double kTypeRadius = 6;
constexpr double kEntryGap = 16;
constexpr double kGroupGap = 12; ///< more between the types and the styles
constexpr double kPartGap = 9;
constexpr double kSymbolGap = 5;
constexpr double kLineGap = 4;
/// The crowd size beyond which symbols stop growing (eventRadius reaches 22 px near 49,000).
constexpr qint64 kLargestScaled = 50000;

QString tr(const char *text)
{
    return QCoreApplication::translate("MapExport", text);
}

QFont legendFont(double scale)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(1, int(std::lround(kFont * scale))));
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

/// How far a symbol reaches from its centre, its halo included.
double reach(const Symbol &s)
{
    return s.radius + (s.dateHalo ? 3.6 : 1.2);
}

} // namespace

LegendFacts LegendFacts::of(const MapPoints &points, const std::vector<quint32> &indices,
                            bool clusters)
{
    LegendFacts facts;
    facts.clusters = clusters;
    // Type ids are small in practice: counted in an array, the odd large one in a hash.
    std::vector<qint64> small(256, 0);
    QHash<qint64, qint64> large;
    qint64 largest = -1;
    for (quint32 i : indices) {
        const MapPoint &p = points[i];
        if (quint64(p.type) < small.size())
            ++small[std::size_t(p.type)];
        else
            ++large[p.type];
        largest = std::max(largest, qint64(p.size));
        facts.unknownSize |= p.size < 0;
        const Symbol s = symbolFor(p);
        facts.area |= s.style == SymbolStyle::Area;
        facts.imprecise |= s.dateHalo;
    }
    QList<std::pair<qint64, qint64>> counts; // type, events
    for (std::size_t t = 0; t < small.size(); ++t) {
        if (small[t])
            counts.append({qint64(t), small[t]});
    }
    for (auto it = large.cbegin(); it != large.cend(); ++it)
        counts.append({it.key(), it.value()});
    std::sort(counts.begin(), counts.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (const auto &c : counts)
        facts.types.append(c.first);
    if (largest >= 0)
        facts.sizeSteps = sizeScale(largest);
    return facts;
}

LegendFacts LegendFacts::united(const LegendFacts &other) const
{
    LegendFacts u = *this;
    for (qint64 t : other.types) {
        if (!u.types.contains(t))
            u.types.append(t);
    }
    const qint64 a = sizeSteps.isEmpty() ? -1 : sizeSteps.constLast();
    const qint64 b = other.sizeSteps.isEmpty() ? -1 : other.sizeSteps.constLast();
    if (b > a)
        u.sizeSteps = other.sizeSteps;
    u.unknownSize |= other.unknownSize;
    u.area |= other.area;
    u.imprecise |= other.imprecise;
    u.clusters |= other.clusters;
    return u;
}

QList<qint64> sizeScale(qint64 largest)
{
    if (largest < 1)
        return {};
    const qint64 capped = std::min(largest, kLargestScaled);
    qint64 power = 1;
    while (power * 10 <= capped)
        power *= 10;
    const qint64 top = capped >= 5 * power ? 5 * power : capped >= 2 * power ? 2 * power : power;
    // Powers of ten below the top, each where its circle can be told from the next larger.
    QList<qint64> steps{top};
    for (qint64 p = power == top ? power / 10 : power; p >= 10 && steps.size() < 3; p /= 10) {
        if (eventRadius(steps.constFirst()) - eventRadius(p) >= 1.5)
            steps.prepend(p);
    }
    return steps;
}

Legend::Legend(const LegendFacts &facts, const QHash<qint64, QString> &typeNames, double scale,
               const QColor &neutral)
    : m_scale(scale)
{
    const auto entry = [](const Symbol &symbol, const QString &text) {
        Entry e;
        e.parts.append(Part{symbol, text});
        return e;
    };
    for (qint64 t : facts.types) {
        const QString name = typeNames.value(t);
        m_entries.append(entry(Symbol{SymbolStyle::Sized, t, kTypeRadius, false, QColor()},
                               name.isEmpty() ? tr("(no type)") : name));
    }
    const QColor &grey = neutral;
    QList<Entry> styles;
    if (!facts.sizeSteps.isEmpty()) {
        // "Crowd size" and a disc for each step, kept on one line.
        Entry sizes;
        sizes.parts.append(Part{std::nullopt, tr("Crowd size")});
        const QLocale locale(QLocale::English);
        for (qint64 size : facts.sizeSteps)
            sizes.parts.append(Part{Symbol{SymbolStyle::Sized, 0, eventRadius(size), false, grey},
                                    locale.toString(size)});
        styles.append(sizes);
    }
    if (facts.unknownSize)
        styles.append(
            entry(Symbol{SymbolStyle::UnknownSize, 0, 5, false, grey}, tr("size unknown")));
    if (facts.area)
        styles.append(entry(Symbol{SymbolStyle::Area, 0, 5, false, grey},
                            tr("placed only at state or country")));
    if (facts.imprecise)
        styles.append(entry(Symbol{SymbolStyle::Sized, 0, 4, true, grey},
                            tr("date known to the month or year")));
    if (facts.clusters)
        styles.append(
            entry(Symbol{SymbolStyle::Cluster, 0, 8, false, QColor()}, tr("several events")));
    if (!styles.isEmpty() && !m_entries.isEmpty())
        styles.first().groupStart = true;
    m_entries += styles;
}

QStringList Legend::texts() const
{
    QStringList texts;
    for (const Entry &e : m_entries) {
        QStringList parts;
        for (const Part &p : e.parts)
            parts << p.text;
        texts << parts.join(QLatin1Char(' '));
    }
    return texts;
}

double Legend::partWidth(const Part &part) const
{
    double w = 0;
    if (part.symbol)
        w += 2 * reach(*part.symbol) * m_scale;
    if (!part.text.isEmpty()) {
        if (part.symbol)
            w += kSymbolGap * m_scale;
        w += QFontMetricsF(legendFont(m_scale)).horizontalAdvance(part.text);
    }
    return w;
}

double Legend::entryWidth(const Entry &entry) const
{
    double w = 0;
    for (const Part &p : entry.parts)
        w += partWidth(p);
    return w + std::max<qsizetype>(0, entry.parts.size() - 1) * kPartGap * m_scale;
}

double Legend::entryHeight(const Entry &entry) const
{
    double h = QFontMetricsF(legendFont(m_scale)).height();
    for (const Part &p : entry.parts) {
        if (p.symbol)
            h = std::max(h, 2 * reach(*p.symbol) * m_scale);
    }
    return h;
}

template<typename Place> double Legend::layout(double width, bool column, Place &&place) const
{
    // Entries in lines, each line as tall as its tallest entry, entries centred on it.
    QList<QList<qsizetype>> lines;
    double x = 0;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const double w = entryWidth(m_entries[i]);
        const double gap = x > 0 && m_entries[i].groupStart ? kGroupGap * m_scale : 0;
        if (lines.isEmpty() || (x > 0 && (column || x + gap + w > width))) {
            lines.append(QList<qsizetype>());
            x = 0;
        }
        lines.last().append(i);
        x += (x > 0 ? gap : 0) + w + kEntryGap * m_scale;
    }
    double y = 0;
    for (const QList<qsizetype> &line : lines) {
        double h = 0;
        for (qsizetype i : line)
            h = std::max(h, entryHeight(m_entries[i]));
        x = 0;
        for (qsizetype i : line) {
            if (x > 0 && m_entries[i].groupStart)
                x += kGroupGap * m_scale;
            place(m_entries[i], x, y, h);
            x += entryWidth(m_entries[i]) + kEntryGap * m_scale;
        }
        y += h + kLineGap * m_scale;
    }
    return lines.isEmpty() ? 0 : y - kLineGap * m_scale;
}

double Legend::height(double width, bool column) const
{
    return layout(width, column, [](const Entry &, double, double, double) { });
}

double Legend::symbolColumn() const
{
    double w = 0;
    for (const Entry &e : m_entries) {
        if (!e.parts.isEmpty() && e.parts.constFirst().symbol)
            w = std::max(w, 2 * reach(*e.parts.constFirst().symbol) * m_scale);
    }
    return w;
}

double Legend::columnWidth() const
{
    const double symbols = symbolColumn();
    double w = 0;
    for (const Entry &e : m_entries) {
        double entry = entryWidth(e);
        if (!e.parts.isEmpty() && e.parts.constFirst().symbol)
            entry += std::max(0.0, symbols - 2 * reach(*e.parts.constFirst().symbol) * m_scale);
        w = std::max(w, entry);
    }
    return w;
}

void Legend::draw(QPainter &painter, const QRectF &rect, const QColor &ink, bool column) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QFont font = legendFont(m_scale);
    const QFontMetricsF metrics(font);
    // In a column, the first symbols of the entries are centred in a column of their own and
    // the words start at one edge.
    const double symbols = column ? symbolColumn() : 0;
    layout(rect.width(), column, [&](const Entry &entry, double x, double y, double lineHeight) {
        const double mid = rect.top() + y + lineHeight / 2;
        x += rect.left();
        for (qsizetype i = 0; i < entry.parts.size(); ++i) {
            const Part &p = entry.parts[i];
            if (p.symbol) {
                const double r = reach(*p.symbol) * m_scale;
                const double w = i == 0 && column ? std::max(symbols, 2 * r) : 2 * r;
                drawSymbol(painter, *p.symbol, QPointF(x + w / 2, mid), m_scale);
                if (p.symbol->style == SymbolStyle::Cluster) {
                    // A number, as the clusters on the map carry.
                    QFont bold = font;
                    bold.setBold(true);
                    bold.setPixelSize(std::max(1, int(std::lround(9 * m_scale))));
                    painter.setFont(bold);
                    painter.setPen(Qt::white);
                    painter.drawText(QRectF(x + w / 2 - r, mid - r, 2 * r, 2 * r), Qt::AlignCenter,
                                     QStringLiteral("3"));
                }
                x += w + (p.text.isEmpty() ? 0 : kSymbolGap * m_scale);
            }
            if (!p.text.isEmpty()) {
                painter.setFont(font);
                painter.setPen(ink);
                painter.drawText(QPointF(x, mid + (metrics.ascent() - metrics.descent()) / 2),
                                 p.text);
                x += metrics.horizontalAdvance(p.text);
            }
            x += kPartGap * m_scale;
        }
    });
    painter.restore();
}

} // namespace placard::render
