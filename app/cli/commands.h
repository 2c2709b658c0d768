// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <array>
#include <memory>
#include <optional>

class QCommandLineParser;

namespace placard {
class Catalogue;
struct EventQuery;
} // namespace placard

namespace placard::cli {

/// Exit codes shared by every subcommand.
enum Exit { Ok = 0, Failed = 1, Usage = 2 };

/// Each subcommand takes its own arguments (without the program and command names).
int importCommand(const QStringList &args);
int queryCommand(const QStringList &args);
int statsCommand(const QStringList &args);
int sampleCommand(const QStringList &args);
int geocodeCommand(const QStringList &args);
int placeCommand(const QStringList &args);
int tilesCommand(const QStringList &args);
int renderCommand(const QStringList &args);
int exportCommand(const QStringList &args);
int datasetsCommand(const QStringList &args);

/// Adds --catalogue to a parser.
void addCatalogueOption(QCommandLineParser &parser);
/// Adds the event filters --from, --to, --type, --tag, --text, --min-size and --bbox.
void addFilterOptions(QCommandLineParser &parser);
/// Reads those filters into a query; false, with the error printed, when one is malformed.
/// `bbox` false leaves --bbox to the command (render takes it as the map's extent).
bool readFilterOptions(const QCommandLineParser &parser, EventQuery &query, bool bbox = true);
/// Reads --bbox W,S,E,N (degrees) into `box`, left empty when not given; false, with the
/// error printed, when malformed. West may exceed east (across the antimeridian) only
/// where `acrossAntimeridian`.
bool readBbox(const QCommandLineParser &parser, std::optional<std::array<double, 4>> &box,
              bool acrossAntimeridian);
/// The catalogue path: --catalogue, else $PLACARD_CATALOGUE, else the user's data folder.
QString cataloguePath(const QCommandLineParser &parser);
/// Opens (or creates, when `create`) the catalogue, printing why on failure.
std::unique_ptr<Catalogue> openCatalogue(const QCommandLineParser &parser, bool create);

/// Prints to standard error, prefixed with the program name.
void printError(const QString &message);
/// Prints a line to standard output.
void printLine(const QString &text);

} // namespace placard::cli
