// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventeditdialog.h"

#include "query/eventquery.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace placard {

namespace {

const QDate kEpoch(1970, 1, 1);

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.simplified();
        if (!item.isEmpty() && !items.contains(item))
            items << item;
    }
    return items;
}

/// A number typed in the user's locale or plainly; nullopt when empty, `ok` false when
/// not a number.
template<typename T> std::optional<T> parsed(const QString &text, bool *ok)
{
    const QString t = text.trimmed();
    *ok = true;
    if (t.isEmpty())
        return std::nullopt;
    const QLocale locale;
    bool good = false;
    if constexpr (std::is_floating_point_v<T>) {
        double v = locale.toDouble(t, &good);
        if (!good)
            v = t.toDouble(&good);
        *ok = good && std::isfinite(v);
        return good ? std::optional<T>(v) : std::nullopt;
    } else {
        qint64 v = locale.toLongLong(t, &good);
        if (!good)
            v = t.toLongLong(&good);
        *ok = good && v >= 0;
        return good ? std::optional<T>(v) : std::nullopt;
    }
}

QString numberText(std::optional<double> v)
{
    return v ? QString::number(*v, 'f', 6) : QString();
}

QString numberText(std::optional<qint64> v)
{
    return v ? QString::number(*v) : QString();
}

} // namespace

EventEditDialog::EventEditDialog(const Event &event, const QStringList &types, QWidget *parent)
    : QDialog(parent)
    , m_original(event)
    , m_title(new QLineEdit(event.title, this))
    , m_type(new QComboBox(this))
    , m_start(new QDateEdit(dateOfDay(event.startDay), this))
    , m_end(new QDateEdit(dateOfDay(event.endDay), this))
    , m_precision(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_place(new QLineEdit(event.place, this))
    , m_locality(new QLineEdit(event.locality, this))
    , m_admin1(new QLineEdit(event.admin1, this))
    , m_country(new QLineEdit(event.country, this))
    , m_latitude(new QLineEdit(numberText(event.latitude), this))
    , m_longitude(new QLineEdit(numberText(event.longitude), this))
    , m_sizeLow(new QLineEdit(numberText(event.sizeLow), this))
    , m_sizeHigh(new QLineEdit(numberText(event.sizeHigh), this))
    , m_sizeText(new QLineEdit(event.sizeText, this))
    , m_issues(new QLineEdit(event.issues.join(QStringLiteral(", ")), this))
    , m_actors(new QLineEdit(event.actors.join(QStringLiteral(", ")), this))
    , m_participants(new QLineEdit(event.participants.join(QStringLiteral(", ")), this))
    , m_claims(new QPlainTextEdit(event.claims, this))
    , m_notes(new QPlainTextEdit(event.notes, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Edit Event"));
    setObjectName(QStringLiteral("eventEditDialog"));
    m_type->setEditable(true);
    m_type->addItems(types);
    m_type->setCurrentText(event.type);
    for (QDateEdit *d : {m_start, m_end}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setMinimumDate(QDate(1000, 1, 1));
    }
    m_precision->addItems({tr("Day"), tr("Month"), tr("Year")});
    m_precision->setCurrentIndex(int(event.datePrecision));
    m_status->addItems({tr("Occurred"), tr("Planned"), tr("Cancelled")});
    m_status->setCurrentIndex(int(event.status));
    m_latitude->setPlaceholderText(tr("latitude, e.g. 45.6625"));
    m_longitude->setPlaceholderText(tr("longitude, e.g. -110.5600"));
    m_sizeLow->setPlaceholderText(tr("unknown"));
    m_sizeHigh->setPlaceholderText(tr("unknown"));
    m_sizeText->setPlaceholderText(tr("as the source wrote it"));
    for (QLineEdit *list : {m_issues, m_actors, m_participants})
        list->setPlaceholderText(tr("separated by commas"));
    for (QPlainTextEdit *text : {m_claims, m_notes}) {
        text->setTabChangesFocus(true);
        text->setFixedHeight(QFontMetrics(text->font()).lineSpacing() * 4 + 12);
    }
    m_title->setObjectName(QStringLiteral("title"));
    m_latitude->setObjectName(QStringLiteral("latitude"));
    m_longitude->setObjectName(QStringLiteral("longitude"));
    m_sizeLow->setObjectName(QStringLiteral("sizeLow"));
    m_sizeHigh->setObjectName(QStringLiteral("sizeHigh"));
    m_end->setObjectName(QStringLiteral("endDate"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b03020"));
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("T&ype:"), m_type);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_start);
    dates->addWidget(new QLabel(tr("to"), this));
    dates->addWidget(m_end);
    dates->addWidget(m_precision);
    form->addRow(tr("&Date:"), dates);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("&Place:"), m_place);
    form->addRow(tr("Town:"), m_locality);
    form->addRow(tr("State:"), m_admin1);
    form->addRow(tr("Country:"), m_country);
    auto *coordinates = new QHBoxLayout;
    coordinates->addWidget(m_latitude);
    coordinates->addWidget(m_longitude);
    form->addRow(tr("&Coordinates:"), coordinates);
    auto *size = new QHBoxLayout;
    size->addWidget(m_sizeLow);
    size->addWidget(new QLabel(tr("to"), this));
    size->addWidget(m_sizeHigh);
    size->addWidget(m_sizeText, 1);
    form->addRow(tr("C&rowd:"), size);
    form->addRow(tr("&Issues:"), m_issues);
    form->addRow(tr("&Actors:"), m_actors);
    form->addRow(tr("Partici&pants:"), m_participants);
    form->addRow(tr("C&laims:"), m_claims);
    form->addRow(tr("&Notes:"), m_notes);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_latitude, m_longitude, m_sizeLow, m_sizeHigh})
        connect(edit, &QLineEdit::textChanged, this, &EventEditDialog::validate);
    connect(m_start, &QDateEdit::dateChanged, this, &EventEditDialog::validate);
    connect(m_end, &QDateEdit::dateChanged, this, &EventEditDialog::validate);
    resize(560, sizeHint().height());
    validate();
}

QString EventEditDialog::problem() const
{
    if (m_end->date() < m_start->date())
        return tr("The event cannot end before it starts.");
    bool latOk = false, lonOk = false;
    const auto lat = parsed<double>(m_latitude->text(), &latOk);
    const auto lon = parsed<double>(m_longitude->text(), &lonOk);
    if (!latOk || (lat && (*lat < -90 || *lat > 90)))
        return tr("The latitude must be a number from −90 to 90.");
    if (!lonOk || (lon && (*lon < -180 || *lon > 180)))
        return tr("The longitude must be a number from −180 to 180.");
    if (lat.has_value() != lon.has_value())
        return tr("Give both coordinates, or neither.");
    bool lowOk = false, highOk = false;
    const auto low = parsed<qint64>(m_sizeLow->text(), &lowOk);
    const auto high = parsed<qint64>(m_sizeHigh->text(), &highOk);
    if (!lowOk || !highOk)
        return tr("Crowd sizes must be whole numbers of people.");
    if (low && high && *low > *high)
        return tr("The smaller crowd size comes first.");
    return {};
}

void EventEditDialog::validate()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

Event EventEditDialog::event() const
{
    Event e = m_original;
    e.title = m_title->text().trimmed();
    e.type = m_type->currentText().trimmed();
    e.startDay = qint32(kEpoch.daysTo(m_start->date()));
    e.endDay = qint32(kEpoch.daysTo(std::max(m_start->date(), m_end->date())));
    e.datePrecision = DatePrecision(m_precision->currentIndex());
    e.status = EventStatus(m_status->currentIndex());
    e.place = m_place->text().trimmed();
    e.locality = m_locality->text().trimmed();
    e.admin1 = m_admin1->text().trimmed();
    e.country = m_country->text().trimmed();
    bool ok = false;
    const auto lat = parsed<double>(m_latitude->text(), &ok);
    const auto lon = parsed<double>(m_longitude->text(), &ok);
    if (!lat || !lon) {
        e.latitude.reset();
        e.longitude.reset();
        e.geoPrecision = GeoPrecision::Unplaced;
        e.coordinateOrigin = CoordinateOrigin::None;
    } else if (numberText(lat) != numberText(m_original.latitude) ||
               numberText(lon) != numberText(m_original.longitude)) {
        // Coordinates typed by a person are theirs, at the precision they typed.
        e.latitude = lat;
        e.longitude = lon;
        e.geoPrecision = GeoPrecision::Exact;
        e.coordinateOrigin = CoordinateOrigin::Manual;
    }
    e.sizeLow = parsed<qint64>(m_sizeLow->text(), &ok);
    e.sizeHigh = parsed<qint64>(m_sizeHigh->text(), &ok);
    e.sizeText = m_sizeText->text().trimmed();
    // A list left as it was stays as it was, even where a name holds a comma.
    const auto listOf = [](const QLineEdit *edit, const QStringList &before) {
        return edit->text() == before.join(QStringLiteral(", ")) ? before : splitList(edit->text());
    };
    e.issues = listOf(m_issues, m_original.issues);
    e.actors = listOf(m_actors, m_original.actors);
    e.participants = listOf(m_participants, m_original.participants);
    e.claims = m_claims->toPlainText().trimmed();
    e.notes = m_notes->toPlainText().trimmed();
    return e;
}

} // namespace placard
