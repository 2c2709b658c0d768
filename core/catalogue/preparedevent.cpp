// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/preparedevent.h"

#include "catalogue/eventlinks.h"
#include "catalogue/sqlite.h"

#include <QStringEncoder>

#include <type_traits>

namespace placard {

namespace {
QString tagKey(TagKind kind, const QString &name)
{
    return QChar(u'0' + int(kind)) + name.toCaseFolded();
}

// Appends texts as UTF-8 to one buffer sized for the worst case up front.
class Utf8Packer {
public:
    Utf8Packer(QByteArray &out, qsizetype utf16Units, qsizetype roomAfter)
        : m_out(out)
    {
        m_out.reserve(m_encoder.requiredSpace(utf16Units) + roomAfter);
        m_out.resize(m_encoder.requiredSpace(utf16Units));
    }
    PreparedEvent::Span add(const QString &text)
    {
        if (text.isEmpty())
            return {};
        char *begin = m_out.data() + m_used;
        char *end = m_encoder.appendToBuffer(begin, text);
        const PreparedEvent::Span span{qint32(m_used), qint32(end - begin)};
        m_used += end - begin;
        return span;
    }
    ~Utf8Packer() { m_out.truncate(m_used); } // the buffer keeps what was written

private:
    QByteArray &m_out;
    QStringEncoder m_encoder{QStringConverter::Utf8, QStringConverter::Flag::Stateless};
    qsizetype m_used = 0;
};
} // namespace

NameDictionary::NameDictionary(sqlite3 *db)
{
    sql::Statement types(db, "SELECT id, name FROM event_types");
    while (types.next()) {
        m_types.insert(types.text(1).toCaseFolded(), types.int64(0));
        m_nextType = std::max(m_nextType, types.int64(0) + 1);
    }
    sql::Statement tags(db, "SELECT id, kind, name FROM tags");
    while (tags.next()) {
        m_tags.insert(tagKey(TagKind(tags.int64(1)), tags.text(2)), tags.int64(0));
        m_nextTag = std::max(m_nextTag, tags.int64(0) + 1);
    }
}

qint64 NameDictionary::typeId(const QString &name)
{
    if (auto hit = m_exactTypes.find(name); hit != m_exactTypes.end())
        return hit->second;
    const qint64 id = foldedTypeId(name);
    m_exactTypes.emplace(name, id);
    return id;
}

qint64 NameDictionary::foldedTypeId(const QString &name)
{
    const QString key = name.toCaseFolded();
    auto it = m_types.constFind(key);
    if (it != m_types.cend())
        return *it;
    const qint64 id = m_nextType++;
    m_types.insert(key, id);
    m_new.append({id, -1, name});
    return id;
}

qint64 NameDictionary::tagId(TagKind kind, const QString &name)
{
    return tagId(kind, QStringView(name));
}

qint64 NameDictionary::tagId(TagKind kind, QStringView view)
{
    ExactNames &exact = m_exact[std::size_t(kind)];
    if (auto hit = exact.find(view); hit != exact.end())
        return hit->second;
    const QString name = view.toString();
    const QString key = tagKey(kind, name);
    qint64 id = 0;
    if (auto it = m_tags.constFind(key); it != m_tags.cend()) {
        id = *it;
    } else {
        id = m_nextTag++;
        m_tags.insert(key, id);
        m_new.append({id, qint64(kind), name});
    }
    exact.emplace(name, id);
    return id;
}

QList<NewName> NameDictionary::takeNew()
{
    return std::exchange(m_new, {});
}

namespace {
// Called for every row of an import: the ids are asked for directly, not through
// std::function, when the caller can.
template<typename TypeId, typename TagId>
void giveIds(PreparedEvent &p, const TypeId &typeId, const TagId &tagId,
             std::span<const TagView> views = {})
{
    const Event &e = p.event;
    p.typeId = e.type.isEmpty() ? 0 : typeId(e.type);
    p.tagIds.reserve(e.issues.size() + e.actors.size() + e.participants.size() +
                     e.otherTypes.size() + e.tags.size() + views.size());
    const auto addId = [&p](qint64 id) {
        if (!p.tagIds.contains(id)) // the same name twice in one list
            p.tagIds.append(id);
    };
    // A kind's names from its list, then from the views: new names get their ids in the
    // same order either way.
    const auto add = [&](TagKind kind, const QStringList &list) {
        for (const QString &name : list)
            addId(tagId(kind, name));
        if constexpr (std::is_invocable_v<const TagId &, TagKind, QStringView>) {
            for (const TagView &view : views) {
                if (view.kind == kind)
                    addId(tagId(kind, view.name));
            }
        }
    };
    add(TagKind::Issue, e.issues);
    add(TagKind::Actor, e.actors);
    add(TagKind::Participant, e.participants);
    add(TagKind::Type, e.otherTypes);
    add(TagKind::Other, e.tags);
    std::sort(p.tagIds.begin(), p.tagIds.end());
}
} // namespace

void packTexts(PreparedEvent &p)
{
    if (p.packed)
        return;
    using T = PreparedEvent;
    const Event &e = p.event;
    const std::array<std::pair<T::Text, const QString *>, T::TagIds> texts{{
        {T::ExternalId, &e.externalId},
        {T::Title, &e.title},
        {T::Place, &e.place},
        {T::Locality, &e.locality},
        {T::Admin1, &e.admin1},
        {T::Admin2, &e.admin2},
        {T::Country, &e.country},
        {T::SizeText, &e.sizeText},
        {T::Claims, &e.claims},
        {T::PropertyDamage, &e.propertyDamage},
        {T::Notes, &e.notes},
    }};
    qsizetype units = 0;
    for (const auto &[slot, text] : texts)
        units += text->size();
    {
        // The JSON written after the texts gets its room with theirs.
        Utf8Packer pack(p.utf8, units, sourcesJsonSpace(e.sources) + idListSpace(p.tagIds.size()));
        for (const auto &[slot, text] : texts)
            p.text[slot] = pack.add(*text);
    }
    // The links' JSON after the texts, in the room the packer made for them.
    const auto appendJson = [&p](T::Text slot, auto &&write) {
        const qsizetype begin = p.utf8.size();
        write(p.utf8);
        p.text[slot] = p.utf8.size() == begin
            ? T::Span{}
            : T::Span{qint32(begin), qint32(p.utf8.size() - begin)};
    };
    appendJson(T::TagIds, [&p](QByteArray &out) {
        if (!p.tagIds.isEmpty())
            appendIdList(out, p.tagIds);
    });
    appendJson(T::Sources, [&e](QByteArray &out) { appendSourcesJson(out, e.sources); });
    p.packed = true;
}

void nameEvent(PreparedEvent &prepared, NameDictionary &names, std::span<const TagView> tags)
{
    giveIds(
        prepared, [&names](const QString &name) { return names.typeId(name); },
        [&names](TagKind kind, const auto &name) { return names.tagId(kind, name); }, tags);
}

PreparedEvent prepareNames(Event &&event, NameDictionary &names)
{
    PreparedEvent p;
    p.event = std::move(event);
    nameEvent(p, names);
    return p;
}

PreparedEvent prepareEvent(Event &&event, NameDictionary &names)
{
    PreparedEvent p = prepareNames(std::move(event), names);
    packTexts(p);
    return p;
}

PreparedEvent prepareEvent(Event &&event, const std::function<qint64(const QString &)> &typeId,
                           const std::function<qint64(TagKind, const QString &)> &tagId)
{
    PreparedEvent p;
    p.event = std::move(event);
    giveIds(p, typeId, tagId);
    packTexts(p);
    return p;
}

} // namespace placard
