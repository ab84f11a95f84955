#include "docx/filters.h"

#include <Poco/UTF8String.h>

#include <cmath>

#include "docx/polish.h"

namespace koop::docx {
namespace {

bool AsDate(const Val& in, CivilDate* d, std::string* error) {
  if (in.t != Val::T::kString) {
    *error = "expected a date string YYYY-MM-DD, got " + in.str();
    return false;
  }
  auto r = ParseCivilDate(in.s);
  if (!r.ok()) {
    *error = r.status().message();
    return false;
  }
  *d = *r;
  return true;
}

Val Data_(const Val& in, const std::vector<Val>& args, std::string* error) {
  if (in.is_nullish()) return in;
  CivilDate d;
  if (!AsDate(in, &d, error)) return Val::Undef();
  std::string fmt = args.empty() ? "" : args[0].str();
  if (fmt.empty() || fmt == "długa" || fmt == "dluga") return Val::Str(PolishLongDate(d));
  if (fmt == "krótka" || fmt == "krotka") return Val::Str(PolishShortDate(d));
  if (fmt == "bez r.") {
    std::string s = PolishLongDate(d);
    return Val::Str(s.substr(0, s.size() - 3));
  }
  *error = "unknown date format \"" + fmt + "\" (use \"krótka\" or nothing)";
  return Val::Undef();
}

Val Weekday(const Val& in, const std::vector<Val>&, std::string* error) {
  if (in.is_nullish()) return in;
  CivilDate d;
  if (!AsDate(in, &d, error)) return Val::Undef();
  return Val::Str(PolishWeekday(d));
}

Val Money(const Val& in, const std::vector<Val>&, std::string* error) {
  if (in.is_nullish()) return in;
  if (in.t == Val::T::kInt) return Val::Str(FormatGrosze(in.i));
  if (in.t == Val::T::kDouble && in.d == std::floor(in.d) && std::fabs(in.d) < 9e15) {
    return Val::Str(FormatGrosze(static_cast<int64_t>(in.d)));
  }
  if (in.t == Val::T::kString) {
    auto r = ParseZlote(in.s);
    if (!r.ok()) {
      *error = r.status().message();
      return Val::Undef();
    }
    return Val::Str(FormatGrosze(*r));
  }
  *error = "expected integer grosze (123450) or złote as a string (\"1234,50\"), got " + in.str();
  return Val::Undef();
}

// Whole doubles up to 2^53 in size are exact; beyond, converting to int64_t is undefined
// behaviour from 2^63 on (6e32 | liczba reached it), and a count that large is no count.
constexpr double kMaxWholeCount = 9007199254740992.0;

bool PluralWord(const Val& in, const std::vector<Val>& args, std::string* word, int64_t* n,
                std::string* error) {
  if (in.t == Val::T::kInt) {
    *n = in.i;
  } else if ((in.t == Val::T::kDouble || (in.t == Val::T::kString && !in.s.empty())) &&
             std::isfinite(in.num()) && in.num() == std::floor(in.num()) &&
             std::fabs(in.num()) <= kMaxWholeCount) {
    *n = static_cast<int64_t>(in.num());
  } else {
    *error = "expected a whole number of at most 16 digits, got " + in.str();
    return false;
  }
  std::string forms[3];
  if (args.size() == 3) {
    for (int i = 0; i < 3; ++i) forms[i] = args[i].str();
  } else if (args.size() == 1) {
    if (!KnownNounForms(args[0].str(), forms)) {
      *error = "no plural forms known for \"" + args[0].str() +
               "\"; give all three: liczba:\"dzień\":\"dni\":\"dni\"";
      return false;
    }
  } else {
    *error = "give one known noun or three forms (one, few, many)";
    return false;
  }
  *word = forms[static_cast<int>(PolishPluralForm(*n))];
  return true;
}

Val Count(const Val& in, const std::vector<Val>& args, std::string* error) {
  if (in.is_nullish()) return in;
  std::string word;
  int64_t n;
  if (!PluralWord(in, args, &word, &n, error)) return Val::Undef();
  return Val::Str(std::to_string(n) + " " + word);
}

Val Form(const Val& in, const std::vector<Val>& args, std::string* error) {
  if (in.is_nullish()) return in;
  std::string word;
  int64_t n;
  if (!PluralWord(in, args, &word, &n, error)) return Val::Undef();
  return Val::Str(word);
}

Val Upper(const Val& in, const std::vector<Val>&, std::string*) {
  if (in.is_nullish()) return in;
  return Val::Str(Poco::UTF8::toUpper(in.str()));
}

Val Lower(const Val& in, const std::vector<Val>&, std::string*) {
  if (in.is_nullish()) return in;
  return Val::Str(Poco::UTF8::toLower(in.str()));
}

Val Default(const Val& in, const std::vector<Val>& args, std::string*) {
  if (in.is_nullish() || (in.t == Val::T::kString && in.s.empty())) return args[0];
  return in;
}

Val Join(const Val& in, const std::vector<Val>& args, std::string* error) {
  if (in.is_nullish()) return in;
  std::string sep = args.empty() ? ", " : args[0].str();
  if (!in.is_array()) {
    if (in.t == Val::T::kString) return in;
    *error = "expected a list, got " + in.str();
    return Val::Undef();
  }
  std::string out;
  bool first = true;
  for (const Data& item : in.node->items) {
    Val v = Val::Of(&item);
    if (v.is_nullish()) continue;
    if (!first) out += sep;
    out += v.str();
    first = false;
  }
  return Val::Str(out);
}

Val Checkbox(const Val& in, const std::vector<Val>&, std::string*) {
  bool on = in.truthy() && !(in.is_array() && in.node->items.empty());
  return Val::Str(on ? "\xE2\x98\x92" : "\xE2\x98\x90");  // ☒ / ☐
}

}  // namespace

const std::vector<FilterDef>& AllFilters() {
  static const std::vector<FilterDef> k = {
      {"data", 0, 1, Data_},
      {"dzien_tygodnia", 0, 0, Weekday},
      {"dzień_tygodnia", 0, 0, Weekday},
      {"kwota", 0, 0, Money},
      {"liczba", 1, 3, Count},
      {"forma", 1, 3, Form},
      {"upper", 0, 0, Upper},
      {"lower", 0, 0, Lower},
      {"default", 1, 1, Default},
      {"join", 0, 1, Join},
      {"checkbox", 0, 0, Checkbox},
  };
  return k;
}

const FilterDef* FindFilter(const std::string& name) {
  for (const FilterDef& f : AllFilters()) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

}  // namespace koop::docx
