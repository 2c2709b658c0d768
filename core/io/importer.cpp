// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/importer.h"

#include "catalogue/boundedqueue.h"
#include "catalogue/bulkwrite.h"
#include "catalogue/catalogue.h"
#include "catalogue/eventwriter.h"
#include "catalogue/preparedevent.h"
#include "io/addednames.h"
#include "io/duplicateindex.h"
#include "io/importsteps.h"
#include "io/presets.h"
#include "io/vectorsource.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <thread>

#include <openssl/evp.h>
#include <sqlite3.h>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace placard::io {

QString duplicatePolicyName(DuplicatePolicy policy)
{
    switch (policy) {
    case DuplicatePolicy::Skip:
        return QStringLiteral("skip");
    case DuplicatePolicy::Keep:
        return QStringLiteral("keep");
    case DuplicatePolicy::Update:
        return QStringLiteral("update");
    }
    return {};
}

std::optional<DuplicatePolicy> duplicatePolicyFromName(QStringView name)
{
    for (DuplicatePolicy p :
         {DuplicatePolicy::Skip, DuplicatePolicy::Keep, DuplicatePolicy::Update}) {
        if (name.compare(duplicatePolicyName(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QJsonObject ImportReport::toJson() const
{
    QJsonArray list;
    for (const ImportProblem &p : problems) {
        list.append(QJsonObject{{QStringLiteral("line"), p.line},
                                {QStringLiteral("column"), p.column},
                                {QStringLiteral("value"), p.value},
                                {QStringLiteral("message"), p.message},
                                {QStringLiteral("skipped"), p.skipped}});
    }
    // A vector file has no delimiter: an empty text, not a NUL character.
    const QString delimiterText = delimiter.isNull() ? QString() : QString(delimiter);
    QJsonObject o{{QStringLiteral("committed"), committed},
                  {QStringLiteral("cancelled"), cancelled},
                  {QStringLiteral("records"), records},
                  {QStringLiteral("imported"), imported},
                  {QStringLiteral("skipped"), skipped},
                  {QStringLiteral("duplicates"), duplicates},
                  {QStringLiteral("updated"), updated},
                  {QStringLiteral("unplaced"), unplaced},
                  {QStringLiteral("filtered"), filtered},
                  {QStringLiteral("geocoded"),
                   QJsonObject{{QStringLiteral("locality"), geocoded[0]},
                               {QStringLiteral("admin1"), geocoded[1]},
                               {QStringLiteral("country"), geocoded[2]}}},
                  {QStringLiteral("seconds"), seconds},
                  {QStringLiteral("events_seconds"), eventsSeconds},
                  {QStringLiteral("dataset"), datasetId},
                  {QStringLiteral("preset"), presetName(mapping.preset)},
                  {QStringLiteral("preset_variant"), mapping.presetVariant},
                  // What each column was read as: the mapping to give --mapping next time.
                  {QStringLiteral("mapping"), mapping.toJson()},
                  {QStringLiteral("format"), format},
                  {QStringLiteral("encoding"), encoding},
                  {QStringLiteral("delimiter"), delimiterText},
                  {QStringLiteral("problem_count"), problemCount},
                  {QStringLiteral("problems"), list}};
    if (!layer.isEmpty())
        o.insert(QStringLiteral("layer"), layer);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

namespace {

// A row as the parsing thread hands it over: normalised, and ready to write. It holds only
// what the writing thread needs, and one Event: every byte of a batch is written, read and
// freed once a row, and the whole RowOutcome beside the prepared event doubled that.
struct Item {
    PreparedEvent prepared; ///< the row's event, unless skipped
    QList<ImportProblem> problems;
    DuplicateIndex::Keys keys; ///< set when the row is not skipped
    DuplicateVerdict verdict; ///< judged on the writing thread, in file order
    qint64 id = 0; ///< the id the writer will give the event, when it inserts one
    QString filterValue; ///< what left the row out, when filtered
    qint64 line = 0;
    int filterColumn = 0;
    int geocoded = -1;
    bool skipped = false;
    bool filtered = false;
};

struct Batch {
    std::vector<Item> items;
    QList<NewName> names; ///< types and tags first used in this batch
    qint64 bytesRead = 0;
};

// Between the parsing thread and the writing thread. Spent batches go back to the parser, to
// be filled again; freeing a batch's rows took a tenth of the writing thread's time, so the
// writer frees them only when it would otherwise wait.
using BatchQueue = BoundedQueue<Batch>;

// Empties `text`, keeping its memory when it is its own: the next record's value for the
// column is written into it.
void clearKeepingMemory(QString &text)
{
    if (text.isEmpty()) // most missing fields are empty already
        return;
    if (text.isDetached())
        text.resize(0);
    else
        text = QString();
}

// A CSV file as records: the reader's fields, missing tokens as empty.
class CsvSource final : public RecordSource {
public:
    CsvSource(const QString &path, const CsvOptions &options)
        : m_path(path)
        , m_reader(options)
    {
    }
    bool open() { return m_reader.open(m_path); }

    QString displayName() const override { return m_path; }
    QStringList header() const override { return m_reader.header(); }
    bool hasHeader() const override { return m_reader.hasHeader(); }
    bool read(SourceRecord &record) override
    {
        if (!m_reader.readRecord())
            return false;
        // The record's strings from last time go back to the reader in exchange.
        m_reader.swapFields(record.fields);
        record.fields.resize(m_reader.fieldCount());
        for (int i = 0; i < m_reader.fieldCount(); ++i) {
            if (m_reader.isMissing(i))
                clearKeepingMemory(record.fields[i]);
        }
        record.line = m_reader.lineNumber();
        return true;
    }
    QString errorString() const override { return m_reader.errorString(); }
    Mapping autoMapping(std::optional<PresetId> preset,
                        const QStringList &firstRecord) const override
    {
        if (preset)
            return presetMapping(*preset, m_reader.hasHeader() ? m_reader.header() : firstRecord,
                                 m_reader.hasHeader());
        Mapping mapping = detectMapping(m_reader.header(), m_reader.hasHeader(),
                                        m_reader.delimiter(), firstRecord);
        if (mapping.preset == PresetId::Generic)
            mapHxlTags(mapping, m_reader.hxlTags());
        return mapping;
    }
    QString format() const override
    {
        const QString suffix = QFileInfo(m_path).suffix().toLower();
        return suffix.isEmpty() ? QStringLiteral("csv") : suffix;
    }
    qint64 position() const override { return m_reader.bytesParsed(); }
    qint64 total() const override { return QFileInfo(m_path).size(); }
    QString encoding() const override { return m_reader.stats().encoding; }
    QChar delimiter() const override { return m_reader.delimiter(); }
    QList<ImportProblem> notes() const override
    {
        QList<ImportProblem> notes;
        for (const CsvStats::Skipped &line : m_reader.stats().preamble)
            notes.append({line.line, 1, line.text,
                          QStringLiteral("text above the header, left out"), false});
        if (const CsvStats::Skipped &hxl = m_reader.stats().hxlRow; hxl.line > 0)
            notes.append({hxl.line, 1, hxl.text,
                          QStringLiteral("HXL hashtags below the header, read as the columns' "
                                         "names, not as an event"),
                          false});
        for (const qint64 line : m_reader.stats().repeatedHeaders)
            notes.append({line, 1, QString(),
                          QStringLiteral("the header again (files joined one after the "
                                         "other?): left out"),
                          false});
        for (const qint64 line : m_reader.stats().crLineEnds)
            notes.append({line, 1, QString(),
                          QStringLiteral("the line ends in a carriage return (CR) alone, where "
                                         "the file's other lines end in LF: read as two records"),
                          false});
        // Fields the reader read in a way of its own: each at its line and column.
        const auto fieldNotes = [&notes](const QList<CsvField> &fields, const QString &message) {
            for (const CsvField &field : fields)
                notes.append({field.line, field.column, field.text, message, false});
        };
        const CsvStats &stats = m_reader.stats();
        fieldNotes(stats.strayQuotes,
                   QStringLiteral("a quote that never closes was read as part of the field"));
        fieldNotes(stats.trailingText,
                   QStringLiteral("text after the closing quote was kept in the field"));
        fieldNotes(stats.notUtf8,
                   QStringLiteral("not UTF-8, though the file begins with UTF-8's "
                                  "byte-order mark: read as Windows-1252"));
        fieldNotes(stats.nulRemoved, QStringLiteral("NUL characters in the field were left out"));
        for (const CsvPosition &pos : stats.repairs)
            notes.append({pos.line, pos.column, QString(),
                          QStringLiteral("double-encoded UTF-8 repaired"), false});
        return notes;
    }

private:
    QString m_path;
    CsvReader m_reader;
};

// Frees the event's text once it is held as UTF-8 for writing, while it is still in this
// core's cache; only an update of a duplicate needs the event whole again.
void dropText(Event &e)
{
    for (QString *text :
         {&e.title, &e.type, &e.place, &e.locality, &e.admin1, &e.admin2, &e.country, &e.sizeText,
          &e.claims, &e.propertyDamage, &e.notes, &e.externalId})
        *text = QString();
    for (QStringList *list : {&e.issues, &e.actors, &e.participants, &e.otherTypes, &e.tags})
        *list = QStringList();
    e.sources = QList<EventSource>();
}

// Lets the calling thread run only when a processor has nothing else to do, where the
// system offers that: for work that may as well wait for the end.
void runOnlyWhenIdle()
{
#if defined(__linux__)
    const sched_param none{};
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &none);
#endif
}

// Empty when the file cannot be read, or when stopped.
QByteArray fileSha256(const QString &path, const std::atomic_bool &stop)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        return {};
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (qint64 n; (n = f.read(buffer.data(), buffer.size())) > 0;) {
        if (stop.load(std::memory_order_relaxed))
            return {};
        if (EVP_DigestUpdate(ctx.get(), buffer.constData(), std::size_t(n)) != 1)
            return {};
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (f.error() != QFileDevice::NoError || EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), length).toHex();
}

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

int interruptWhenCancelled(void *cancel)
{
    return isCancelled(static_cast<const std::atomic_bool *>(cancel)) ? 1 : 0;
}

} // namespace

bool isCsvPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1StringView("csv") || suffix == QLatin1StringView("tsv") ||
        suffix == QLatin1StringView("txt");
}

std::unique_ptr<RecordSource> openRecordSource(const QString &path, const ImportOptions &options,
                                               QString *error)
{
    if (isCsvPath(path)) {
        auto csv = std::make_unique<CsvSource>(path, options.csv);
        if (!csv->open()) {
            if (error)
                *error = csv->errorString();
            return nullptr;
        }
        return csv;
    }
    if (!QFileInfo(path).isFile()) {
        if (error)
            *error = QStringLiteral("%1: no such file").arg(path);
        return nullptr;
    }
    return VectorSource::open(path, options.layer, error);
}

Importer::Importer(Catalogue &catalogue)
    : m_catalogue(catalogue)
{
}

ImportReport Importer::importFile(const QString &path, const ImportOptions &options,
                                  const std::atomic_bool *cancel,
                                  const std::function<void(qint64, qint64)> &progress)
{
    ImportReport report;
    std::unique_ptr<RecordSource> source = openRecordSource(path, options, &report.error);
    if (!source)
        return report;
    return importSource(*source, path, options, cancel, progress);
}

ImportReport Importer::importCsv(const QString &path, const ImportOptions &options,
                                 const std::atomic_bool *cancel,
                                 const std::function<void(qint64, qint64)> &progress)
{
    CsvSource source(path, options.csv);
    if (!source.open()) {
        ImportReport report;
        report.error = source.errorString();
        return report;
    }
    return importSource(source, path, options, cancel, progress);
}

ImportReport Importer::importSource(RecordSource &source, const QString &path,
                                    const ImportOptions &options, const std::atomic_bool *cancel,
                                    const std::function<void(qint64, qint64)> &progress)
{
    QElapsedTimer timer;
    timer.start();
    ImportReport report;
    sqlite3 *db = m_catalogue.handle();
    report.layer = source.layer();
    report.format = source.format();

    const ImportPlan plan = planImport(source, options);
    report.mapping = plan.mapping;
    report.delimiter = source.delimiter();
    if (!plan.error.isEmpty()) {
        report.error = plan.error;
        return report;
    }
    QList<ImportProblem> fileNotes = plan.notes;

    DuplicateIndex duplicates;
    FilteredRows filteredRows;
    {
        // Read on a second connection and thread when the catalogue can give one.
        const sql::Connection reader = m_catalogue.openReader();
        addCatalogueEvents(db, duplicates, reader.get());
    }
    duplicates.reserve(std::size_t(expectedRecords(source, plan)));

    QString error;
    // The import's pages are copied from the write-ahead log into the file once, when it
    // ends however it ends, rather than after the events and again after their text index;
    // when the catalogue is the import's alone, the events go into the file directly.
    BulkWrite bulk(db);
    const bool direct = bulk.isDirect();
    if (!sql::exec(db, "BEGIN IMMEDIATE", &error)) {
        report.error = QStringLiteral("%1: not imported: cannot write to %2: %3")
                           .arg(source.displayName(), m_catalogue.path(), error);
        return report;
    }
    bool open = true;
    const auto rollback = [&] {
        if (open)
            sql::exec(db, "ROLLBACK");
        open = false;
    };
    sql::Statement addDataset(db,
                              "INSERT INTO datasets(file_name, format, mapping, imported_at) "
                              "VALUES(?1, ?2, ?3, ?4)");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    addDataset.bind(1, QFileInfo(path).fileName())
        .bind(2, report.format)
        .bind(3,
              QString::fromUtf8(
                  QJsonDocument(report.mapping.toJson()).toJson(QJsonDocument::Compact)))
        .bind(4, now);
    if (!addDataset.run()) {
        report.error = addDataset.error();
        rollback();
        return report;
    }
    report.datasetId = sqlite3_last_insert_rowid(db);
    const qint64 datasetId = report.datasetId;

    // A duplicate is named at the first column it was judged by: the date's.
    const int keyColumn = [&] {
        for (const Field field : {Field::Date, Field::Year}) {
            if (const QList<int> &columns = plan.normaliser->columns(field); !columns.isEmpty())
                return columns.front() + 1;
        }
        return 1;
    }();
    // Duplicates are judged ahead of writing, by ids the writer will give: one after
    // another from here, for each row inserted.
    EventWriter writer(db);
    qint64 nextId = writer.nextId();
    if (nextId == 0) {
        report.error = QStringLiteral("%1: cannot read the catalogue: %2")
                           .arg(m_catalogue.path(), writer.error());
        rollback();
        return report;
    }

    // Parsing, normalising and preparing rows on a second thread; writing on this one. What
    // that thread uses for every row is its own, or on the heap: a variable of this thread's
    // stack shares its cache line with others this thread writes, and each read from the
    // other core would wait for the line to come over.
    const auto names = std::make_unique<NameDictionary>(db);
    AddedNames addedNames(names->nextTypeId(), names->nextTagId());
    BatchQueue queue;
    QString readError;
    // Judges a batch's rows against the catalogue and the rows before them, in file order,
    // on the writing thread, which has the time to spare where the parsing thread has none.
    // The index's tables are read a few rows ahead, so that their cache misses overlap: they
    // took a fifth of a thread's time for a million rows.
    const auto judge = [&](Batch &b) {
        constexpr std::size_t kAhead = 8;
        std::vector<Item> &items = b.items;
        for (std::size_t i = 0; i < std::min(kAhead, items.size()); ++i)
            duplicates.prefetch(items[i].keys);
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i + kAhead < items.size())
                duplicates.prefetch(items[i + kAhead].keys);
            Item &item = items[i];
            if (item.skipped || item.filtered)
                continue;
            item.verdict = judgeDuplicate(duplicates, item.keys, options.duplicates);
            if (item.verdict.action != DuplicateVerdict::Insert)
                continue;
            item.id = nextId++;
            duplicates.add(item.keys, {item.id});
        }
    };
    const qint64 total = source.total();
    std::thread producer([&, cancel, datasetId, now] {
        RowProcessor processor(plan, options);
        NameDictionary &dictionary = *names;
        const DuplicatePolicy policy = options.duplicates;
        // The tags are given ids straight from the record's text, with no string for each,
        // unless a duplicate may update an event: the writer then needs the event whole.
        const bool tagsAsViews = policy != DuplicatePolicy::Update;
        RowOutcome outcome; // one for every row: a new one cost more than clearing it
        const auto makeItem = [&](Item &item, const SourceRecord &record, bool pack) {
            processor.process(record, tagsAsViews, outcome);
            NormalisedRow &row = outcome.row;
            item.problems = std::move(row.problems);
            item.keys = outcome.keys;
            item.filterValue = std::move(row.filterValue);
            item.line = row.event.sourceLine;
            item.filterColumn = row.filterColumn;
            item.geocoded = outcome.geocoded;
            item.skipped = row.skipped;
            item.filtered = row.filtered;
            if (!row.skipped) {
                row.event.datasetId = datasetId;
                row.event.createdAt = now;
                item.prepared.event = std::move(row.event);
                nameEvent(item.prepared, dictionary, row.tagViews);
                if (pack) {
                    packTexts(item.prepared);
                    if (policy != DuplicatePolicy::Update)
                        dropText(item.prepared.event);
                }
            }
        };
        constexpr std::size_t kBatch = 1024;
        Batch batch;
        batch.items.reserve(kBatch);
        // Whether this thread makes the batch's text UTF-8 or leaves that to the writing
        // thread (EventWriter::insertPrepared): decided a batch at a time by which thread is
        // behind. Batches waiting to be written say the writer is; none, that this one is.
        // Either can be, with the file and with what memory costs the machine that day.
        constexpr std::size_t kWriterBehind = 2;
        bool pack = false;
        const auto flush = [&] {
            batch.bytesRead = source.position();
            batch.names = dictionary.takeNew();
            std::vector<Batch> spent = queue.takeSpent();
            queue.push(std::move(batch));
            batch = Batch();
            // A spent batch's array of rows is used again; its rows are freed here, on
            // this thread.
            if (!spent.empty())
                batch.items = std::move(spent.back().items);
            batch.items.clear();
            batch.items.reserve(kBatch);
            pack = queue.size() >= kWriterBehind;
        };
        const auto add = [&](const SourceRecord &r) {
            makeItem(batch.items.emplace_back(), r, pack);
            if (batch.items.size() == kBatch)
                flush();
        };
        for (const SourceRecord &r : plan.sample)
            add(r);
        for (SourceRecord r; !isCancelled(cancel) && !queue.closed() && source.read(r);)
            add(r);
        readError = source.errorString();
        if (!batch.items.empty())
            flush();
        queue.finish();
    });
    const ProducerJoiner<Batch> joinProducer{queue, producer};

    sql::Statement addProblem(db,
                              "INSERT INTO import_problems(dataset_id, line, col, value, "
                              "message, skipped) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    sql::Statement datasetOf(db, "SELECT dataset_id FROM events WHERE id = ?1");
    bool failed = false;
    const auto record = [&](const ImportProblem &p) {
        ++report.problemCount;
        if (report.problems.size() >= ImportReport::kMaxProblems)
            return;
        report.problems.append(p);
        addProblem.bind(1, datasetId)
            .bind(2, p.line)
            .bind(3, qint64(p.column))
            .bind(4, p.value)
            .bind(5, p.message)
            .bind(6, qint64(p.skipped ? 1 : 0));
        if (!addProblem.run()) {
            failed = true;
            error = addProblem.error();
        }
    };
    for (const ImportProblem &p : std::as_const(fileNotes))
        record(p);

    Batch batch;
    qint64 batches = 0;
    while (!failed && queue.pop(batch)) {
        if (isCancelled(cancel))
            break;
        judge(batch);
        if (!writer.insertNames(batch.names)) {
            failed = true;
            break;
        }
        addedNames.add(batch.names);
        for (Item &item : batch.items) {
            ++report.records;
            for (const ImportProblem &p : std::as_const(item.problems))
                record(p);
            if (item.filtered) {
                filteredRows.add(item.line, item.filterColumn, item.filterValue);
                ++report.skipped;
                continue;
            }
            if (item.skipped) {
                ++report.skipped;
                continue;
            }
            Event &e = item.prepared.event;
            const DuplicateVerdict &verdict = item.verdict;
            if (const std::optional<DuplicateIndex::Match> &match = verdict.match) {
                ++report.duplicates;
                if (verdict.action == DuplicateVerdict::Skip) {
                    ++report.skipped;
                    record({e.sourceLine, keyColumn, QString(),
                            QStringLiteral("duplicate of event %1; skipped").arg(match->id), true});
                    continue;
                }
                if (verdict.action == DuplicateVerdict::Update) {
                    e.id = match->id;
                    // The event stays with its own import: this one, or the catalogue's.
                    const bool ours = writer.firstId() != 0 && e.id >= writer.firstId();
                    if (!ours) {
                        datasetOf.bind(1, e.id);
                        e.datasetId = datasetOf.next() ? datasetOf.int64(0) : 0;
                        datasetOf.reset();
                    }
                    // Out of the text index with its old text, then in with the new; an
                    // event of this import is indexed with the rest of it.
                    const bool indexed = !ours;
                    bool ok = (!indexed || writer.unindexEvent(e.id)) && writer.update(e) &&
                        (!indexed || writer.indexEvent(e));
                    if (!ok) {
                        failed = true;
                        break;
                    }
                    addedNames.use(item.prepared);
                    ++report.updated;
                    ++report.imported;
                    record({e.sourceLine, keyColumn, QString(),
                            QStringLiteral("duplicate of event %1; updated it").arg(match->id),
                            false});
                    continue;
                }
                record({e.sourceLine, keyColumn, QString(),
                        QStringLiteral("duplicate of event %1; kept both").arg(match->id), false});
            }
            if (!writer.insertPrepared(item.prepared)) {
                failed = true;
                break;
            }
            if (e.id != item.id) { // the ids duplicates were judged by are not the writer's
                failed = true;
                error = QStringLiteral("event ids out of step (%1 for %2)").arg(e.id).arg(item.id);
                break;
            }
            addedNames.use(item.prepared);
            ++report.imported;
            if (item.geocoded >= 0)
                ++report.geocoded[std::size_t(item.geocoded)];
            if (!e.isPlaced())
                ++report.unplaced;
        }
        if (!failed && !writer.flush()) // the batch's links and sources, before it is freed
            failed = true;
        if (progress)
            progress(batch.bytesRead, total);
        // About every ten megabytes of rows (see BulkWrite::writeBack()).
        if (++batches % 32 == 0)
            bulk.writeBack();
        // The rows are freed by whichever thread has the time: here when no batch waits
        // (this thread would only wait for the next), else by the parsing thread. The
        // array goes back either way, to be filled again.
        if (queue.size() == 0)
            batch.items.clear();
        queue.giveBack(std::move(batch));
        batch = Batch();
    }
    if (isCancelled(cancel)) {
        rollback();
        report.cancelled = true;
        report.error =
            QStringLiteral("%1: cancelled; the catalogue is unchanged").arg(source.displayName());
        return report;
    }
    if (failed) {
        rollback();
        report.error = QStringLiteral("%1: not imported: writing to %2 failed: %3")
                           .arg(source.displayName(), m_catalogue.path(),
                                writer.error().isEmpty() ? error : writer.error());
        return report;
    }
    queue.close();
    producer.join();
    if (!readError.isEmpty()) {
        rollback();
        report.error = readError + QStringLiteral("; nothing was imported");
        return report;
    }
    report.encoding = source.encoding();
    for (const ImportProblem &p : source.notes())
        record(p);
    report.filtered = filteredRows.count();
    if (const std::optional<ImportProblem> p = filteredRows.problem(report.mapping))
        record(*p);
    // The file's hash, at idle priority from the events' commit on: it fills the moments
    // the import leaves a core free (while the commit waits for the disk, while the text
    // index is read), and is waited for before the text index is committed. Started
    // earlier, it took from the events more than it saved.
    QByteArray sha256;
    std::atomic_bool stopHashing = false;
    std::thread hasher([&sha256, &stopHashing, path] {
        runOnlyWhenIdle();
        sha256 = fileSha256(path, stopHashing);
    });
    const struct HasherJoiner {
        std::atomic_bool &stop;
        std::thread &thread;
        ~HasherJoiner()
        {
            stop = true;
            if (thread.joinable())
                thread.join();
        }
    } joinHasher{stopHashing, hasher};
    sql::Statement finish(db,
                          "UPDATE datasets SET records=?2, imported=?3, skipped=?4, "
                          "duplicates=?5, unplaced=?6 WHERE id=?1");
    finish.bind(1, datasetId)
        .bind(2, report.records)
        .bind(3, report.imported)
        .bind(4, report.skipped)
        .bind(5, report.duplicates)
        .bind(6, report.unplaced);
    if (failed || !addedNames.removeUnused(db, error) || !finish.run() ||
        !sql::exec(db, "COMMIT", &error)) {
        rollback();
        report.error = QStringLiteral("%1: not imported: %2 cannot commit: %3")
                           .arg(source.displayName(), m_catalogue.path(), error);
        return report;
    }
    open = false;
    report.eventsSeconds = timer.nsecsElapsed() / 1e9;
    // Back on at once, as the catalogue's other writers expect them.
    sql::exec(db, "PRAGMA foreign_keys=ON");
    // The text index is read beside its writing, which needs the log.
    bulk.endDirect();
    // The duplicate index's tens of megabytes go back to the system now, so that the text
    // index takes them again at once rather than memory the system has to make ready.
    duplicates = DuplicateIndex();

    // The events' pages are copied from the write-ahead log into the file at idle priority
    // too, in the time the text index leaves free: the copy when the import ends then holds only
    // the index's (0.6 s less for a million rows). What this one has not copied by then, it leaves
    // to that one: it is stopped and joined before, rather than waited for at idle priority. Events
    // written directly are in the file already.
    LogCopyStop logCopyStop;
    std::thread logCopier;
    if (!direct) {
        logCopier = std::thread([this, &logCopyStop] {
            runOnlyWhenIdle();
            m_catalogue.copyLogToFile(&logCopyStop);
        });
    }
    const struct LogCopierJoiner {
        LogCopyStop &stop;
        std::thread &thread;
        ~LogCopierJoiner()
        {
            stop.stop();
            if (thread.joinable())
                thread.join();
        }
    } joinLogCopier{logCopyStop, logCopier};

    // The text index in its own transaction: the events are usable meanwhile, and a stop
    // here is finished when the catalogue is next opened (datasets.fts_done).
    sqlite3_progress_handler(db, 10000, interruptWhenCancelled,
                             const_cast<std::atomic_bool *>(cancel));
    bool indexed = !isCancelled(cancel);
    if (indexed && m_indexingStarted)
        m_indexingStarted();
    if (indexed && sql::exec(db, "BEGIN IMMEDIATE", &error)) {
        // Its own connection reads the committed events' text for the index; only in WAL
        // mode can it read beside this one's write transaction.
        const bool wal = sql::pragmaText(db, "PRAGMA journal_mode") == QLatin1StringView("wal");
        const sql::Connection reader = wal ? m_catalogue.openReader() : sql::Connection();
        indexed = writer.indexDataset(datasetId, reader.get());
        hasher.join();
        sql::Statement hash(db, "UPDATE datasets SET sha256=?2 WHERE id=?1");
        hash.bind(1, datasetId).bind(2, QString::fromLatin1(sha256));
        indexed = indexed && hash.run() && sql::exec(db, "COMMIT", &error);
        if (!indexed)
            sql::exec(db, "ROLLBACK");
    }
    if (hasher.joinable())
        hasher.join();
    sqlite3_progress_handler(db, 0, nullptr, nullptr);
    if (isCancelled(cancel)) {
        // Cancelled while indexing: take the import back out.
        m_catalogue.removeDataset(datasetId, &error);
        report.cancelled = true;
        report.error =
            QStringLiteral("%1: cancelled; the catalogue is unchanged").arg(source.displayName());
        return report;
    }
    if (!indexed) {
        report.error = QStringLiteral("the events were imported but the text index failed: %1")
                           .arg(writer.error().isEmpty() ? error : writer.error());
    }
    report.committed = true;
    report.seconds = timer.nsecsElapsed() / 1e9;
    m_catalogue.announceExternalChange(Catalogue::ChangeKind::Reset);
    return report;
}

} // namespace placard::io
