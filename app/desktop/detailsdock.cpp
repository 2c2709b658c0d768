// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailsdock.h"

#include "query/eventquery.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace placard {

namespace {

QString escaped(const QString &s)
{
    return s.toHtmlEscaped();
}

QString row(const QString &label, const QString &valueHtml)
{
    if (valueHtml.isEmpty())
        return {};
    return QStringLiteral("<tr><td style='color:#555; padding-right:10px'>%1</td><td>%2</td></tr>")
        .arg(escaped(label), valueHtml);
}

QString dateHtml(const Event &e)
{
    const QLocale locale;
    const QDate start = dateOfDay(e.startDay);
    switch (e.datePrecision) {
    case DatePrecision::Year:
        return DetailsDock::tr("%1 (only the year is known)").arg(start.year());
    case DatePrecision::Month:
        return DetailsDock::tr("%1 (only the month is known)")
            .arg(locale.toString(start, QStringLiteral("MMMM yyyy")));
    case DatePrecision::Day:
        break;
    }
    QString text = locale.toString(start, QLocale::LongFormat);
    if (e.endDay != e.startDay)
        text += QStringLiteral(" – ") + locale.toString(dateOfDay(e.endDay), QLocale::LongFormat);
    return escaped(text);
}

QString whereHtml(const Event &e)
{
    if (!e.isPlaced())
        return DetailsDock::tr("<i>not on the map</i>");
    QString precision;
    switch (e.geoPrecision) {
    case GeoPrecision::Exact:
        precision = DetailsDock::tr("exact");
        break;
    case GeoPrecision::Locality:
        precision = DetailsDock::tr("town or city");
        break;
    case GeoPrecision::Admin1:
        precision = DetailsDock::tr("state only");
        break;
    case GeoPrecision::Country:
        precision = DetailsDock::tr("country only");
        break;
    case GeoPrecision::Unplaced:
        break;
    }
    QString origin;
    switch (e.coordinateOrigin) {
    case CoordinateOrigin::File:
        origin = DetailsDock::tr("from the file");
        break;
    case CoordinateOrigin::Gazetteer:
        origin = DetailsDock::tr("found from the place name");
        break;
    case CoordinateOrigin::Manual:
        origin = DetailsDock::tr("placed by hand");
        break;
    case CoordinateOrigin::None:
        break;
    }
    return escaped(QStringLiteral("%1, %2 (%3; %4)")
                       .arg(*e.latitude, 0, 'f', 5)
                       .arg(*e.longitude, 0, 'f', 5)
                       .arg(precision, origin));
}

QString sizeHtml(const Event &e)
{
    const QLocale locale;
    QString numbers;
    if (e.sizeLow && e.sizeHigh && *e.sizeLow != *e.sizeHigh)
        numbers = QStringLiteral("%1 – %2").arg(locale.toString(*e.sizeLow),
                                                locale.toString(*e.sizeHigh));
    else if (e.sizeHigh || e.sizeLow)
        numbers = locale.toString(e.sizeHigh.value_or(e.sizeLow.value_or(0)));
    if (e.sizeText.isEmpty() || e.sizeText == numbers)
        return escaped(numbers);
    return numbers.isEmpty() ? escaped(e.sizeText)
                             : escaped(QStringLiteral("%1 (%2)").arg(numbers, e.sizeText));
}

QString count(std::optional<qint32> n)
{
    return n ? QLocale().toString(*n) : QString();
}

QString sourcesHtml(const QList<EventSource> &sources)
{
    QStringList items;
    for (const EventSource &s : sources) {
        const QUrl url(s.url, QUrl::StrictMode);
        const bool link = url.isValid() &&
            (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
        QString item = link ? QStringLiteral("<a href='%1'>%2</a>")
                                  .arg(escaped(url.toString(QUrl::FullyEncoded)), escaped(s.url))
                            : escaped(s.url);
        QStringList about;
        if (!s.outlet.isEmpty())
            about << escaped(s.outlet);
        if (!s.published.isEmpty())
            about << escaped(s.published);
        if (!about.isEmpty())
            item += QStringLiteral(" <span style='color:#555'>(%1)</span>")
                        .arg(about.join(QStringLiteral(", ")));
        items << QStringLiteral("<li>%1</li>").arg(item);
    }
    return items.isEmpty()
        ? QString()
        : QStringLiteral("<ol style='margin-left:-20px'>%1</ol>").arg(items.join(QString()));
}

} // namespace

DetailsDock::DetailsDock(QWidget *parent)
    : QDockWidget(tr("Details"), parent)
    , m_text(new QTextBrowser(this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_place(new QPushButton(tr("Place on &Map"), this))
{
    setObjectName(QStringLiteral("detailsDock"));
    m_text->setObjectName(QStringLiteral("detailsText"));
    // Links never open by themselves: a click is passed on, nothing is fetched.
    m_text->setOpenLinks(false);
    m_text->setOpenExternalLinks(false);
    m_edit->setObjectName(QStringLiteral("editEvent"));
    m_place->setObjectName(QStringLiteral("placeEvent"));
    m_place->setToolTip(tr("Put this event on the map by clicking where it took place"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_text, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_place);
    buttons->addWidget(m_edit);
    layout->addLayout(buttons);
    setWidget(body);
    connect(m_text, &QTextBrowser::anchorClicked, this, &DetailsDock::linkActivated);
    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_id); });
    connect(m_place, &QPushButton::clicked, this, [this] { Q_EMIT placeRequested(m_id); });
    setEvent(std::nullopt);
}

void DetailsDock::setEvent(const std::optional<Event> &event, const QString &datasetName)
{
    m_id = event ? event->id : 0;
    m_edit->setEnabled(event.has_value());
    m_place->setEnabled(event.has_value());
    if (!event) {
        m_text->setHtml(tr("<p style='color:#666'>Select an event on the map or in the table "
                           "to see everything known about it.</p>"));
        return;
    }
    m_text->setHtml(html(*event, datasetName));
}

QString DetailsDock::plainText() const
{
    return m_text->toPlainText();
}

QString DetailsDock::html(const Event &e, const QString &datasetName)
{
    const auto list = [](const QStringList &items) {
        return escaped(items.join(QStringLiteral(", ")));
    };
    QString status;
    if (e.status == EventStatus::Planned)
        status = tr("planned");
    else if (e.status == EventStatus::Cancelled)
        status = tr("cancelled");
    QStringList place{e.place};
    for (const QString &part : {e.locality, e.admin2, e.admin1, e.country}) {
        if (!part.isEmpty() && !place.join(QLatin1Char(' ')).contains(part))
            place << part;
    }
    place.removeAll(QString());
    QString origin;
    if (!datasetName.isEmpty())
        origin = e.sourceLine > 0 ? tr("%1, line %2").arg(escaped(datasetName)).arg(e.sourceLine)
                                  : escaped(datasetName);
    else if (e.datasetId == 0)
        origin = tr("entered by hand");
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing='2'>")
                       .arg(escaped(e.title.isEmpty() ? tr("(untitled)") : e.title));
    html += row(tr("Date"), dateHtml(e));
    html += row(tr("Status"), escaped(status));
    html += row(tr("Type"), escaped(e.type));
    html += row(tr("Place"), list(place));
    html += row(tr("Coordinates"), whereHtml(e));
    html += row(tr("Crowd"), sizeHtml(e));
    html += row(tr("Issues"), list(e.issues));
    html += row(tr("Actors"), list(e.actors));
    html += row(tr("Participants"), list(e.participants));
    html += row(tr("Also"), list(e.otherTypes));
    html += row(tr("Tags"), list(e.tags));
    html += row(tr("Claims"), escaped(e.claims));
    html += row(tr("Arrests"), count(e.arrests));
    html += row(tr("Injuries"), count(e.injuries));
    html += row(tr("Deaths"), count(e.deaths));
    html += row(tr("Property damage"), escaped(e.propertyDamage));
    html += row(tr("Online"), e.online ? tr("yes") : QString());
    html += row(tr("Imported from"), origin);
    html += row(tr("Id in the source"), escaped(e.externalId));
    html += QStringLiteral("</table>");
    if (!e.notes.isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                    .arg(tr("Notes"),
                         escaped(e.notes).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    const QString sources = sourcesHtml(e.sources);
    if (!sources.isEmpty())
        html += QStringLiteral("<h4>%1</h4>%2").arg(tr("Sources"), sources);
    return html;
}

} // namespace placard
