// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/columnmapping.h"

#include <QChar>
#include <QStringList>

namespace placard::io {

/// Recognises a known dataset from its header (case, spacing, byte-order-mark remnants and
/// extra or missing optional columns tolerated) or, for headerless input, from the first
/// record's field count and delimiter, and returns that preset's mapping. Anything else gets
/// the generic mapping by synonyms (every column ignored when there is no header).
Mapping detectMapping(const QStringList &header, bool hasHeader, QChar delimiter,
                      const QStringList &firstRecord = {});

/// The mapping a preset gives for this header, with the preset's options set. Columns the
/// preset knows map as the dataset documents them; other columns map by the generic synonyms
/// unless that would map a one-column field twice. When hasHeader is false, header holds the
/// first record: its length picks the preset's fixed layout, whose names then fill in the
/// headers (columns stay ignored for a preset without a fixed layout of that length).
Mapping presetMapping(PresetId preset, const QStringList &header, bool hasHeader);

/// The documented column order of a preset's fixed layout (ACLED 2023, Count Love, GDELT 2.0
/// headerless with 61 columns or the 62-column CSV, Mass Mobilization); empty otherwise.
QStringList presetLayout(PresetId preset, const QString &variant = {});

} // namespace placard::io
