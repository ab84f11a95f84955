#include "store/db_uri.h"

#include <boost/test/unit_test.hpp>

#include "store/database.h"

namespace koop::store {
namespace {

BOOST_AUTO_TEST_SUITE(DbUriParsing)

BOOST_AUTO_TEST_CASE(APathIsSqlite) {
  auto uri = ParseDbUri("data/koop.db");
  BOOST_REQUIRE(uri.ok());
  BOOST_TEST((uri->kind == DbUri::Kind::kSqlite));
  BOOST_TEST(uri->sqlite_path == "data/koop.db");
  BOOST_TEST(ParseDbUri("sqlite:x.db")->sqlite_path == "x.db");
}

BOOST_AUTO_TEST_CASE(PostgresUriBecomesAKeywordConnectionString) {
  auto uri = ParseDbUri("postgresql://koop:s%27ecret@db.example:6543/cases?sslmode=require");
  BOOST_REQUIRE_MESSAGE(uri.ok(), uri.status().message());
  BOOST_TEST((uri->kind == DbUri::Kind::kPostgres));
  BOOST_TEST(uri->connection_string ==
             "host='db.example' port='6543' user='koop' password='s\\'ecret' dbname='cases' "
             "sslmode='require'");
  BOOST_TEST(uri->display == "postgresql://koop@db.example:6543/cases");
}

BOOST_AUTO_TEST_CASE(RejectsUnknownSchemesAndEmptyText) {
  auto mysql = ParseDbUri("mysql://x/y");
  BOOST_REQUIRE(!mysql.ok());
  BOOST_TEST(mysql.status().exit_code() == 64);
  BOOST_TEST(
      mysql.status().message() ==
      "database URI: unknown database scheme 'mysql' (use a SQLite path or postgresql://...)");
  BOOST_TEST(ParseDbUri("").status().exit_code() == 64);
  BOOST_TEST(ParseDbUri("postgresql:///db").status().message() ==
             "database URI: PostgreSQL URI has no host: postgresql:///db");
}

BOOST_AUTO_TEST_CASE(RewritesPlaceholdersOutsideQuotes) {
  BOOST_TEST(RewritePlaceholders("SELECT '?', x FROM t WHERE a = ? AND b = ?") ==
             "SELECT '?', x FROM t WHERE a = $1 AND b = $2");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::store
