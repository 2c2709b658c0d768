// SPDX-License-Identifier: GPL-3.0-or-later
#include "collapsiblesection.h"

#include <QToolButton>
#include <QVBoxLayout>

namespace placard {

CollapsibleSection::CollapsibleSection(const QString &title, QWidget *content, QWidget *parent)
    : QWidget(parent)
    , m_header(new QToolButton(this))
    , m_content(content)
{
    m_header->setObjectName(QStringLiteral("sectionHeader"));
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setAutoRaise(true);
    m_header->setCheckable(true);
    m_header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    m_header->setText(title);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    m_content->setParent(this);
    // The content sits under the title, indented a little.
    auto *indent = new QVBoxLayout;
    indent->setContentsMargins(12, 0, 0, 6);
    indent->addWidget(m_content);
    layout->addLayout(indent);
    connect(m_header, &QToolButton::toggled, this, &CollapsibleSection::setExpanded);
    setExpanded(false);
}

void CollapsibleSection::setTitle(const QString &title)
{
    m_header->setText(title);
}

QString CollapsibleSection::title() const
{
    return m_header->text();
}

bool CollapsibleSection::isExpanded() const
{
    return m_header->isChecked();
}

void CollapsibleSection::setExpanded(bool expanded)
{
    m_header->setChecked(expanded);
    m_header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_content->setVisible(expanded);
}

} // namespace placard
