// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/event.h"
#include "catalogue/fnvhash.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QStringView>

#include <array>
#include <functional>
#include <span>
#include <unordered_map>

struct sqlite3;

namespace placard {

/// A type or tag name the catalogue does not hold yet, with the id it will get.
struct NewName {
    qint64 id = 0;
    qint64 kind = -1; ///< TagKind, or -1 for an event type
    QString name;
};

/// Type and tag ids as the catalogue has them, extended with names met during an import.
/// Loaded on the writing thread, then used by one parsing thread only; the new names it
/// hands out must be written (EventWriter::insertNames) before events that use them.
class NameDictionary {
public:
    explicit NameDictionary(sqlite3 *db);

    qint64 typeId(const QString &name);
    qint64 tagId(TagKind kind, const QString &name);
    /// The same for a name that need not be a string of its own (a view of a record's field).
    qint64 tagId(TagKind kind, QStringView name);
    /// Names added since the last call.
    QList<NewName> takeNew();
    /// The ids the next new type and tag will get.
    qint64 nextTypeId() const { return m_nextType; }
    qint64 nextTagId() const { return m_nextTag; }

private:
    qint64 foldedTypeId(const QString &name);

    QHash<QString, qint64> m_types; ///< key: case-folded name
    QHash<QString, qint64> m_tags; ///< key: kind digit + case-folded name
    // Looked up by views as well as strings.
    struct ViewHash {
        using is_transparent = void;
        std::size_t operator()(QStringView name) const { return std::size_t(fnvHash(name)); }
    };
    using ExactNames = std::unordered_map<QString, qint64, ViewHash, std::equal_to<>>;
    std::array<ExactNames, 5> m_exact; ///< per kind, names as spelled: the fast path
    ExactNames m_exactTypes; ///< types as spelled: the fast path
    qint64 m_nextType = 1;
    qint64 m_nextTag = 1;
    QList<NewName> m_new;
};

/// An event made ready for writing on another thread: text as UTF-8, names as ids.
struct PreparedEvent {
    enum Text {
        ExternalId,
        Title,
        Place,
        Locality,
        Admin1,
        Admin2,
        Country,
        SizeText,
        Claims,
        PropertyDamage,
        Notes,
        TagIds, ///< the tag ids as a JSON array ("[3,17]")
        Sources, ///< the sources as a JSON array of objects (sourcesJson())
        TextCount
    };
    /// Where a text lies in `utf8`; a size of -1 is no text (stored as NULL).
    struct Span {
        qint32 offset = 0;
        qint32 size = -1;
    };
    Event event;
    qint64 typeId = 0;
    /// Every text one after another: one allocation where one per text cost more to make
    /// and free than the conversion itself.
    QByteArray utf8;
    std::array<Span, TextCount> text;
    QList<qint64> tagIds; ///< distinct, ascending
    /// Whether `utf8` and `text` hold the event's text (packTexts()).
    bool packed = false;

    /// The text at `span`; a null view for no text.
    QByteArrayView at(Span span) const
    {
        return span.size < 0 ? QByteArrayView()
                             : QByteArrayView(utf8.constData() + span.offset, span.size);
    }
};

/// Prepares an event for EventWriter::insertPrepared(), with type and tag ids from `names`.
PreparedEvent prepareEvent(Event &&event, NameDictionary &names);

/// The part of prepareEvent() that needs the dictionary: type and tag ids. The text stays
/// in `event` until packTexts(), which needs nothing shared, so that either thread of an
/// import may do it: whichever has the time.
PreparedEvent prepareNames(Event &&event, NameDictionary &names);
/// The same for the event already in `prepared` (no copy of it is made), with tags given
/// as views besides its lists: their ids come in the same order as from the lists.
void nameEvent(PreparedEvent &prepared, NameDictionary &names, std::span<const TagView> tags = {});

/// Puts the event's text into `prepared` as UTF-8; nothing when it is there already.
void packTexts(PreparedEvent &prepared);

/// The same with ids from any source (0 when a name cannot be given an id).
PreparedEvent prepareEvent(Event &&event, const std::function<qint64(const QString &)> &typeId,
                           const std::function<qint64(TagKind, const QString &)> &tagId);

} // namespace placard
