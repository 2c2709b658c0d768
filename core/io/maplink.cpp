// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/maplink.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace placard::io {

namespace {
// Two decimal numbers, as a link writes them (no separators, no exponent).
std::optional<RawPoint> pointFrom(const QRegularExpressionMatch &match)
{
    if (!match.hasMatch())
        return std::nullopt;
    bool latOk = false;
    bool lonOk = false;
    const double lat = match.captured(u"lat").toDouble(&latOk);
    const double lon = match.captured(u"lon").toDouble(&lonOk);
    if (!latOk || !lonOk)
        return std::nullopt;
    return RawPoint{lat, lon};
}
} // namespace

std::optional<RawPoint> pointFromMapLink(QStringView text)
{
    const QStringView t = text.trimmed();
    const bool geoUri = t.startsWith(u"geo:", Qt::CaseInsensitive);
    if (!geoUri && !t.startsWith(u"http://", Qt::CaseInsensitive) &&
        !t.startsWith(u"https://", Qt::CaseInsensitive))
        return std::nullopt;
    // "%2C" for the comma, "+" for a space: links are copied as the browser shows them.
    const QString link = QUrl::fromPercentEncoding(t.toString().replace(u'+', u' ').toUtf8());
    // Each pattern names the point's latitude and longitude; the first that matches wins.
    static const QRegularExpression patterns[] = {
        QRegularExpression(
            QStringLiteral(R"(^geo:\s*(?<lat>-?\d+(?:\.\d+)?)\s*,\s*(?<lon>-?\d+(?:\.\d+)?))"),
            QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"(@(?<lat>-?\d+(?:\.\d+)?),(?<lon>-?\d+(?:\.\d+)?))")),
        QRegularExpression(QStringLiteral(R"([?&](?:q|ll|query|center|destination|daddr)=)"
                                          R"(\s*(?<lat>-?\d+(?:\.\d+)?)\s*,\s*)"
                                          R"((?<lon>-?\d+(?:\.\d+)?)\s*(?:&|#|$))")),
        QRegularExpression(QStringLiteral(R"([?&]mlat=(?<lat>-?\d+(?:\.\d+)?)&mlon=)"
                                          R"((?<lon>-?\d+(?:\.\d+)?))")),
        QRegularExpression(QStringLiteral(R"(#map=\d+(?:\.\d+)?/(?<lat>-?\d+(?:\.\d+)?)/)"
                                          R"((?<lon>-?\d+(?:\.\d+)?))")),
        QRegularExpression(
            QStringLiteral(R"([?&]cp=(?<lat>-?\d+(?:\.\d+)?)~(?<lon>-?\d+(?:\.\d+)?))")),
    };
    for (const QRegularExpression &pattern : patterns) {
        if (const std::optional<RawPoint> point = pointFrom(pattern.match(link)))
            return point;
        if (geoUri)
            break; // a geo: URI has its point first, or none
    }
    return std::nullopt;
}

std::optional<RawPoint> pointFromGeoJson(QStringView text)
{
    const QStringView t = text.trimmed();
    if (!t.startsWith(u'{') || !t.endsWith(u'}'))
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(t.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    QJsonObject geometry = document.object();
    if (geometry.value(u"type").toString() == u"Feature")
        geometry = geometry.value(u"geometry").toObject();
    if (geometry.value(u"type").toString() != u"Point")
        return std::nullopt;
    const QJsonArray position = geometry.value(u"coordinates").toArray();
    if (position.size() < 2 || !position.at(0).isDouble() || !position.at(1).isDouble())
        return std::nullopt;
    return RawPoint{position.at(1).toDouble(), position.at(0).toDouble()};
}

} // namespace placard::io
