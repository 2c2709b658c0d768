// SPDX-License-Identifier: GPL-3.0-or-later
// Geocoder accuracy and speed against the Crowd Counting Consortium location lookup: the
// Location column is the query, its Google-geocoded lat/lon the truth; only rows the
// reference placed at a locality count. Prints `bench:` lines and the worst misses.
#include "geo/geocoder.h"
#include "io/csvreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace placard;

namespace {

double distanceKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double rad = std::numbers::pi / 180.0;
    const double a = std::pow(std::sin((lat2 - lat1) * rad / 2), 2) +
        std::cos(lat1 * rad) * std::cos(lat2 * rad) *
            std::pow(std::sin((lon2 - lon1) * rad / 2), 2);
    return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(a)));
}

struct Case {
    QString query;
    double lat;
    double lon;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        err << "usage: bench_geocode LOOKUP.csv [GAZETTEER]\n";
        return 2;
    }
    const QString path = args.size() > 2 ? args.at(2) : geo::Gazetteer::defaultPath();

    QElapsedTimer timer;
    timer.start();
    QString error;
    auto gazetteer = geo::Gazetteer::open(path, &error);
    const double openMs = timer.nsecsElapsed() / 1e6;
    if (!gazetteer) {
        err << error << "\n";
        return 1;
    }
    const geo::Geocoder geocoder(gazetteer);

    io::CsvReader reader;
    if (!reader.open(args.at(1))) {
        err << reader.errorString() << "\n";
        return 1;
    }
    const QStringList header = reader.header();
    const int cLocation = int(header.indexOf(QStringLiteral("Location")));
    const int cLat = int(header.indexOf(QStringLiteral("lat")));
    const int cLon = int(header.indexOf(QStringLiteral("lon")));
    const int cLocality = int(header.indexOf(QStringLiteral("locality")));
    if (cLocation < 0 || cLat < 0 || cLon < 0 || cLocality < 0) {
        err << "unexpected header\n";
        return 1;
    }
    QList<Case> cases;
    while (reader.readRecord()) {
        if (reader.isMissing(cLocality) || reader.isMissing(cLat) || reader.isMissing(cLon))
            continue; // the reference did not place it at a locality
        cases.append({reader.field(cLocation), reader.field(cLat).toDouble(),
                      reader.field(cLon).toDouble()});
    }

    struct Miss {
        double km;
        QString query;
        QString answer;
    };
    QList<double> errors;
    QList<Miss> misses;
    qint64 within10 = 0, within25 = 0, unplaced = 0;
    timer.restart();
    for (const Case &c : std::as_const(cases)) {
        const geo::GeocodeResult r = geocoder.geocode(c.query, 1);
        if (!r.isPlaced()) {
            ++unplaced;
            misses.append({1e9, c.query, QStringLiteral("unplaced: ") + r.unplacedReason});
            continue;
        }
        const geo::GeocodeCandidate &b = r.candidates.constFirst();
        const double km = distanceKm(c.lat, c.lon, b.latitude, b.longitude);
        errors.append(km);
        within10 += km <= 10 ? 1 : 0;
        within25 += km <= 25 ? 1 : 0;
        if (km > 25)
            misses.append(
                {km, c.query,
                 QStringLiteral("%1, %2, %3 (%4)")
                     .arg(b.name, b.admin1Code, b.country, geo::precisionName(b.precision))});
    }
    const double coldSeconds = timer.nsecsElapsed() / 1e9;
    // A second pass, with the spelling index read and the pages cached: the steady rate.
    timer.restart();
    for (const Case &c : std::as_const(cases))
        (void)geocoder.geocode(c.query, 1);
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::sort(errors.begin(), errors.end());
    const double median = errors.isEmpty() ? 0 : errors.at(errors.size() / 2);
    const double n = double(cases.size());
    std::sort(misses.begin(), misses.end(),
              [](const Miss &a, const Miss &b) { return a.km > b.km; });
    err << "bench_geocode: " << cases.size() << " queries placed at a locality by the reference\n";
    err << "bench_geocode: worst misses:\n";
    for (int i = 0; i < std::min<qsizetype>(15, misses.size()); ++i) {
        const Miss &m = misses.at(i);
        err << "  "
            << (m.km >= 1e9 ? QStringLiteral("—")
                            : QString::number(m.km, 'f', 0) + QStringLiteral(" km"))
            << "  " << m.query << "  →  " << m.answer << "\n";
    }
    if (const QByteArray dump = qgetenv("PLACARD_GEOCODE_MISSES"); !dump.isEmpty()) {
        // Every miss, for study: distance, query and answer, tab-separated.
        QFile file(QString::fromLocal8Bit(dump));
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            QTextStream dumpOut(&file);
            for (const Miss &m : std::as_const(misses))
                dumpOut << m.km << '\t' << m.query << '\t' << m.answer << '\n';
        }
    }
    err.flush();
    out << QStringLiteral("bench: geocode_queries = %1 queries\n").arg(cases.size());
    out << QStringLiteral("bench: geocode_within10_pct = %1 %\n")
               .arg(100.0 * within10 / n, 0, 'f', 2);
    out << QStringLiteral("bench: geocode_within25_pct = %1 %\n")
               .arg(100.0 * within25 / n, 0, 'f', 2);
    out << QStringLiteral("bench: geocode_median_km = %1 km\n").arg(median, 0, 'f', 2);
    out << QStringLiteral("bench: geocode_unplaced_pct = %1 %\n")
               .arg(100.0 * unplaced / n, 0, 'f', 2);
    out << QStringLiteral("bench: geocode_qps = %1 queries/s\n").arg(n / seconds, 0, 'f', 0);
    out << QStringLiteral("bench: geocode_qps_first_pass = %1 queries/s\n")
               .arg(n / coldSeconds, 0, 'f', 0);
    out << QStringLiteral("bench: geocode_open_ms = %1 ms\n").arg(openMs, 0, 'f', 1);
    return 0;
}
