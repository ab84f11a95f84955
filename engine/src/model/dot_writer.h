// ChartToDot: a Graphviz description of a chart's states and transitions, written by us (the
// `dot` program turns it into SVG). Compound and parallel states become clusters, atomic and
// final states nodes, transitions edges labelled with their events (and k:title when given);
// states show their Polish k:title with the id beneath.
#pragma once

#include <string>

#include "model/chart.h"

namespace koop::model {

std::string ChartToDot(const Chart& chart);

}  // namespace koop::model
