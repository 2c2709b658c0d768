// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace placard::io {

/// The sample event list embedded in Placard (resources/sample/sample-events.csv).
QString sampleCsvResource();

/// Creates a catalogue at `path` holding the sample events; refuses an existing file.
bool buildSampleCatalogue(const QString &path, QString *error);

} // namespace placard::io
