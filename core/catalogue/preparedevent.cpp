// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/preparedevent.h"

#include "catalogue/sqlite.h"

namespace placard {

namespace {
QString tagKey(TagKind kind, const QString &name)
{
    return QChar(u'0' + int(kind)) + name.toCaseFolded();
}

QByteArray utf8(const QString &s)
{
    return s.isEmpty() ? QByteArray() : s.toUtf8();
}
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
    QHash<QString, qint64> &exact = m_exact[std::size_t(kind)];
    if (auto hit = exact.constFind(name); hit != exact.cend())
        return *hit;
    const QString key = tagKey(kind, name);
    qint64 id = 0;
    if (auto it = m_tags.constFind(key); it != m_tags.cend()) {
        id = *it;
    } else {
        id = m_nextTag++;
        m_tags.insert(key, id);
        m_new.append({id, qint64(kind), name});
    }
    exact.insert(name, id);
    return id;
}

QList<NewName> NameDictionary::takeNew()
{
    return std::exchange(m_new, {});
}

PreparedEvent prepareEvent(Event &&event, NameDictionary &names)
{
    return prepareEvent(
        std::move(event), [&names](const QString &name) { return names.typeId(name); },
        [&names](TagKind kind, const QString &name) { return names.tagId(kind, name); });
}

PreparedEvent prepareEvent(Event &&event, const std::function<qint64(const QString &)> &typeId,
                           const std::function<qint64(TagKind, const QString &)> &tagId)
{
    PreparedEvent p;
    p.event = std::move(event);
    const Event &e = p.event;
    p.typeId = e.type.isEmpty() ? 0 : typeId(e.type);
    p.text[PreparedEvent::ExternalId] = utf8(e.externalId);
    p.text[PreparedEvent::Title] = utf8(e.title);
    p.text[PreparedEvent::Place] = utf8(e.place);
    p.text[PreparedEvent::Locality] = utf8(e.locality);
    p.text[PreparedEvent::Admin1] = utf8(e.admin1);
    p.text[PreparedEvent::Admin2] = utf8(e.admin2);
    p.text[PreparedEvent::Country] = utf8(e.country);
    p.text[PreparedEvent::SizeText] = utf8(e.sizeText);
    p.text[PreparedEvent::Claims] = utf8(e.claims);
    p.text[PreparedEvent::PropertyDamage] = utf8(e.propertyDamage);
    p.text[PreparedEvent::Notes] = utf8(e.notes);
    const auto add = [&](TagKind kind, const QStringList &list) {
        for (const QString &name : list) {
            const qint64 id = tagId(kind, name);
            if (!p.tagIds.contains(id)) // the same name twice in one list
                p.tagIds.append(id);
        }
    };
    add(TagKind::Issue, e.issues);
    add(TagKind::Actor, e.actors);
    add(TagKind::Participant, e.participants);
    add(TagKind::Type, e.otherTypes);
    add(TagKind::Other, e.tags);
    std::sort(p.tagIds.begin(), p.tagIds.end());
    for (const EventSource &s : e.sources)
        p.sources.append({utf8(s.url), utf8(s.outlet), utf8(s.published)});
    return p;
}

} // namespace placard
