// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/exporter.h"
#include "io/gdalsupport.h"

#include "catalogue/catalogue.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QTemporaryDir>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <mutex>

namespace placard::io {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("placard::io::Exporter", text);
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// How a column is written. Text is free text from the events (neutralised in CSV);
// Code is text Placard formats itself (dates, words from a fixed list).
enum class Kind { Text, Code, Integer, Integer64, Coordinate };

struct Column {
    const char *name;
    const char *shortName; // Shapefile: at most ten characters
    Kind kind;
};

// The layout documented in exporter.h, in order.
constexpr Column kColumns[] = {
    {"placard_id", "placard_id", Kind::Integer64},
    {"date", "date", Kind::Code},
    {"end_date", "end_date", Kind::Code},
    {"date_precision", "date_prec", Kind::Code},
    {"status", "status", Kind::Code},
    {"title", "title", Kind::Text},
    {"type", "type", Kind::Text},
    {"place", "place", Kind::Text},
    {"locality", "locality", Kind::Text},
    {"admin1", "admin1", Kind::Text},
    {"admin2", "admin2", Kind::Text},
    {"country", "country", Kind::Text},
    {"latitude", "latitude", Kind::Coordinate},
    {"longitude", "longitude", Kind::Coordinate},
    {"geo_precision", "geo_prec", Kind::Code},
    {"size_low", "size_low", Kind::Integer64},
    {"size_high", "size_high", Kind::Integer64},
    {"size_text", "size_text", Kind::Text},
    {"issues", "issues", Kind::Text},
    {"organisers", "organisers", Kind::Text},
    {"participants", "particip", Kind::Text},
    {"tags", "tags", Kind::Text},
    {"claims", "claims", Kind::Text},
    {"arrests", "arrests", Kind::Integer},
    {"injuries", "injuries", Kind::Integer},
    {"deaths", "deaths", Kind::Integer},
    {"property_damage", "prop_dmg", Kind::Text},
    {"online", "online", Kind::Code},
    {"notes", "notes", Kind::Text},
    {"source", "source", Kind::Text},
    {"source_outlet", "outlet", Kind::Text},
    {"sources_json", "src_json", Kind::Text},
    {"external_id", "ext_id", Kind::Text},
};

constexpr qsizetype kColumnCount = qsizetype(std::size(kColumns));

// Vector formats carry coordinates as the geometry.
bool inFormat(const Column &column, ExportFormat format)
{
    return column.kind != Kind::Coordinate || format == ExportFormat::Csv;
}

QString columnName(const Column &column, ExportFormat format)
{
    const QString name = QString::fromLatin1(column.name);
    if (format == ExportFormat::Shapefile)
        return QString::fromLatin1(column.shortName);
    // KML's own placemark name and description, which KML readers show.
    if (format == ExportFormat::Kml && name == QLatin1StringView("title"))
        return QStringLiteral("name");
    if (format == ExportFormat::Kml && name == QLatin1StringView("notes"))
        return QStringLiteral("description");
    return name;
}

QString isoDay(qint32 day)
{
    return QDate(1970, 1, 1).addDays(day).toString(Qt::ISODate);
}

QString joined(const QStringList &values)
{
    return values.join(QStringLiteral("; "));
}

template<typename T> QString number(const std::optional<T> &value)
{
    return value ? QString::number(*value) : QString();
}

QString coordinate(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'g', QLocale::FloatingPointShortest) : QString();
}

QString precisionName(DatePrecision precision)
{
    switch (precision) {
    case DatePrecision::Month:
        return QStringLiteral("month");
    case DatePrecision::Year:
        return QStringLiteral("year");
    case DatePrecision::Day:
        break;
    }
    return QStringLiteral("day");
}

QString statusName(EventStatus status)
{
    switch (status) {
    case EventStatus::Planned:
        return QStringLiteral("planned");
    case EventStatus::Cancelled:
        return QStringLiteral("cancelled");
    case EventStatus::Occurred:
        break;
    }
    return QStringLiteral("occurred");
}

QString geoPrecisionName(const Event &e)
{
    if (!e.isPlaced())
        return {};
    switch (e.geoPrecision) {
    case GeoPrecision::Exact:
        return QStringLiteral("exact");
    case GeoPrecision::Locality:
        return QStringLiteral("locality");
    case GeoPrecision::Admin1:
        return QStringLiteral("admin1");
    case GeoPrecision::Country:
        return QStringLiteral("country");
    case GeoPrecision::Unplaced:
        break;
    }
    return {};
}

QString sharedOutlet(const QList<EventSource> &sources)
{
    if (sources.isEmpty())
        return {};
    const QString outlet = sources.constFirst().outlet;
    for (const EventSource &s : sources) {
        if (s.outlet != outlet)
            return {};
    }
    return outlet;
}

QString sourcesJson(const QList<EventSource> &sources)
{
    if (sources.isEmpty())
        return {};
    QJsonArray array;
    for (const EventSource &s : sources)
        array.append(QJsonObject{{QLatin1StringView("url"), s.url},
                                 {QLatin1StringView("outlet"), s.outlet},
                                 {QLatin1StringView("published"), s.published}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// An event's cells in kColumns order.
QStringList cells(const Event &e)
{
    QStringList sources;
    for (const EventSource &s : e.sources)
        sources << s.url;
    const QStringList types = e.type.isEmpty() ? e.otherTypes : QStringList{e.type} + e.otherTypes;
    QStringList row{
        QString::number(e.id),
        isoDay(e.startDay),
        isoDay(e.endDay),
        precisionName(e.datePrecision),
        statusName(e.status),
        e.title,
        joined(types),
        e.place,
        e.locality,
        e.admin1,
        e.admin2,
        e.country,
        e.isPlaced() ? coordinate(e.latitude) : QString(),
        e.isPlaced() ? coordinate(e.longitude) : QString(),
        geoPrecisionName(e),
        number(e.sizeLow),
        number(e.sizeHigh),
        e.sizeText,
        joined(e.issues),
        joined(e.actors),
        joined(e.participants),
        joined(e.tags),
        e.claims,
        number(e.arrests),
        number(e.injuries),
        number(e.deaths),
        e.propertyDamage,
        e.online ? QStringLiteral("true") : QStringLiteral("false"),
        e.notes,
        joined(sources),
        sharedOutlet(e.sources),
        sourcesJson(e.sources),
        e.externalId,
    };
    Q_ASSERT(row.size() == kColumnCount);
    return row;
}

// --- CSV ---

// A text cell a spreadsheet could run as a formula gets a leading apostrophe.
QString neutralised(const QString &text)
{
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        return QLatin1Char('\'') + text;
    return text;
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool writeCsv(const Catalogue &catalogue, const QList<qint64> &ids, const QString &path,
              const ExportOptions &options, QString *error, const std::atomic_bool *cancel,
              const std::function<void(qint64, qint64)> &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, tr("cannot write %1: %2").arg(path, file.errorString()));
    if (options.csvBom)
        file.write("\xEF\xBB\xBF");
    QStringList header;
    for (const Column &c : kColumns)
        header << QString::fromLatin1(c.name);
    file.write(header.join(QLatin1Char(',')).toUtf8() + "\r\n");
    qint64 done = 0;
    for (qint64 id : ids) {
        if (cancel && cancel->load()) {
            file.cancelWriting();
            return fail(error, tr("export cancelled"));
        }
        const std::optional<Event> e = catalogue.event(id);
        if (!e)
            continue;
        QStringList row = cells(*e);
        for (qsizetype i = 0; i < kColumnCount; ++i)
            row[i] = csvField(kColumns[i].kind == Kind::Text ? neutralised(row.at(i)) : row.at(i));
        file.write(row.join(QLatin1Char(',')).toUtf8() + "\r\n");
        if (progress && (++done % 256 == 0 || done == ids.size()))
            progress(done, ids.size());
    }
    if (!file.commit())
        return fail(error, tr("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

// --- GDAL ---

const char *driverName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::GeoPackage:
        return "GPKG";
    case ExportFormat::GeoJson:
        return "GeoJSON";
    case ExportFormat::Kml:
        // libkml writes the schema GDAL's own KML driver reads back too.
        return GetGDALDriverManager()->GetDriverByName("LIBKML") ? "LIBKML" : "KML";
    case ExportFormat::FlatGeobuf:
        return "FlatGeobuf";
    case ExportFormat::Shapefile:
        return "ESRI Shapefile";
    case ExportFormat::Csv:
        break;
    }
    return "";
}

OGRFieldType fieldType(Kind kind)
{
    switch (kind) {
    case Kind::Integer:
        return OFTInteger;
    case Kind::Integer64:
        return OFTInteger64;
    case Kind::Coordinate:
        return OFTReal;
    case Kind::Text:
    case Kind::Code:
        break;
    }
    return OFTString;
}

// Writes the layer into `file` (a path in a fresh temporary folder).
bool writeVector(const Catalogue &catalogue, const QList<qint64> &ids, const QString &file,
                 ExportFormat format, const ExportOptions &options, QString *error,
                 const std::atomic_bool *cancel,
                 const std::function<void(qint64, qint64)> &progress)
{
    registerGdalDrivers();
    QuietGdalErrors quiet;
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(driverName(format));
    if (!driver)
        return fail(error, tr("GDAL has no %1 driver").arg(QLatin1StringView(driverName(format))));
    GDALDatasetUniquePtr ds(
        driver->Create(QFile::encodeName(file).constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return fail(error, lastGdalError());

    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CPLStringList layerOptions;
    if (format == ExportFormat::Shapefile)
        layerOptions.SetNameValue("ENCODING", "UTF-8");
    // A spatial index cannot hold the features of unplaced events.
    if (format == ExportFormat::FlatGeobuf)
        layerOptions.SetNameValue("SPATIAL_INDEX", "NO");
    OGRLayer *layer = ds->CreateLayer(options.layerName.toUtf8().constData(), &wgs84, wkbPoint,
                                      layerOptions.List());
    if (!layer)
        return fail(error, lastGdalError());

    QList<int> fieldOf(kColumnCount, -1);
    for (qsizetype i = 0; i < kColumnCount; ++i) {
        const Column &c = kColumns[i];
        if (!inFormat(c, format))
            continue;
        OGRFieldDefn defn(columnName(c, format).toUtf8().constData(), fieldType(c.kind));
        if (format == ExportFormat::Shapefile && defn.GetType() == OFTString)
            defn.SetWidth(254); // the dBase maximum; the default 80 would cut more
        if (layer->CreateField(&defn) != OGRERR_NONE)
            return fail(error, lastGdalError());
        fieldOf[i] = layer->GetLayerDefn()->GetFieldIndex(defn.GetNameRef());
    }

    const bool transaction = ds->StartTransaction() == OGRERR_NONE;
    qint64 done = 0;
    for (qint64 id : ids) {
        if (cancel && cancel->load())
            return fail(error, tr("export cancelled"));
        const std::optional<Event> e = catalogue.event(id);
        if (!e)
            continue;
        const QStringList row = cells(*e);
        OGRFeature feature(layer->GetLayerDefn());
        for (qsizetype i = 0; i < kColumnCount; ++i) {
            const int field = fieldOf.at(i);
            if (field < 0 || row.at(i).isEmpty())
                continue;
            switch (kColumns[i].kind) {
            case Kind::Integer:
                feature.SetField(field, row.at(i).toInt());
                break;
            case Kind::Integer64:
                feature.SetField(field, static_cast<GIntBig>(row.at(i).toLongLong()));
                break;
            default:
                feature.SetField(field, row.at(i).toUtf8().constData());
                break;
            }
        }
        if (e->isPlaced())
            feature.SetGeometryDirectly(new OGRPoint(*e->longitude, *e->latitude));
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            return fail(error, tr("event %1: %2").arg(e->id).arg(lastGdalError()));
        if (progress && (++done % 256 == 0 || done == ids.size()))
            progress(done, ids.size());
    }
    if (transaction && ds->CommitTransaction() != OGRERR_NONE)
        return fail(error, lastGdalError());
    if (ds->Close() != CE_None)
        return fail(error, lastGdalError());
    return true;
}

} // namespace

std::optional<ExportFormat> exportFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1StringView("gpkg"))
        return ExportFormat::GeoPackage;
    if (suffix == QLatin1StringView("geojson") || suffix == QLatin1StringView("json"))
        return ExportFormat::GeoJson;
    if (suffix == QLatin1StringView("kml"))
        return ExportFormat::Kml;
    if (suffix == QLatin1StringView("fgb"))
        return ExportFormat::FlatGeobuf;
    if (suffix == QLatin1StringView("shp"))
        return ExportFormat::Shapefile;
    if (suffix == QLatin1StringView("csv"))
        return ExportFormat::Csv;
    return std::nullopt;
}

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::GeoPackage:
        return QStringLiteral("gpkg");
    case ExportFormat::GeoJson:
        return QStringLiteral("geojson");
    case ExportFormat::Kml:
        return QStringLiteral("kml");
    case ExportFormat::FlatGeobuf:
        return QStringLiteral("fgb");
    case ExportFormat::Shapefile:
        return QStringLiteral("shp");
    case ExportFormat::Csv:
        break;
    }
    return QStringLiteral("csv");
}

QStringList exportColumns(ExportFormat format)
{
    QStringList names;
    for (const Column &c : kColumns) {
        if (inFormat(c, format))
            names << columnName(c, format);
    }
    return names;
}

bool exportEvents(const Catalogue &catalogue, const QList<qint64> &ids, const QString &path,
                  const ExportOptions &options, QString *error, const std::atomic_bool *cancel,
                  const std::function<void(qint64 done, qint64 total)> &progress)
{
    const std::optional<ExportFormat> format =
        options.format ? options.format : exportFormatForPath(path);
    if (!format)
        return fail(error,
                    tr("%1: unknown export format; use .gpkg, .geojson, .kml, .fgb, "
                       ".shp or .csv")
                        .arg(path));
    if (*format == ExportFormat::Csv)
        return writeCsv(catalogue, ids, path, options, error, cancel, progress);

    // Written whole in a temporary folder beside the target, then moved into place.
    const QFileInfo target(path);
    QTemporaryDir temp(target.absolutePath() + QStringLiteral("/.placard-export-XXXXXX"));
    if (!temp.isValid())
        return fail(error,
                    tr("cannot write in %1: %2").arg(target.absolutePath(), temp.errorString()));
    QString reason;
    if (!writeVector(catalogue, ids, temp.filePath(target.fileName()), *format, options, &reason,
                     cancel, progress))
        return fail(error, tr("cannot write %1: %2").arg(path, reason));
    const QFileInfoList written = QDir(temp.path()).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : written) {
        std::error_code code;
        std::filesystem::rename(file.filesystemAbsoluteFilePath(),
                                target.dir().filesystemAbsolutePath() /
                                    file.filesystemAbsoluteFilePath().filename(),
                                code);
        if (code)
            return fail(error,
                        tr("cannot write %1: %2")
                            .arg(target.dir().filePath(file.fileName()),
                                 QString::fromStdString(code.message())));
    }
    return true;
}

} // namespace placard::io
