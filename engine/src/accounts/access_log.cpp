// The access log of personal data: one append-only row per response that carried a personal
// field (the schema refuses updates and deletes, like the event log).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "accounts/accounts_impl.h"

namespace koop::accounts {
namespace {

std::string FieldsJson(const std::vector<std::string>& fields) {
  Poco::JSON::Array array;
  for (const std::string& f : fields) array.add(f);
  std::ostringstream out;
  array.stringify(out);
  return out.str();
}

std::vector<std::string> FieldsFromJson(const std::string& text) {
  std::vector<std::string> out;
  try {
    Poco::JSON::Parser parser;
    Poco::JSON::Array::Ptr array = parser.parse(text).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i)
      out.push_back(array->getElement<std::string>(i));
  } catch (const Poco::Exception&) {
    out.push_back(text);  // written by us; shown raw rather than lost
  }
  return out;
}

}  // namespace

Status AccountsImpl::RecordAccess(const AccessRecord& record) {
  Result<store::Transaction> tx = store_->BeginWrite();
  if (!tx.ok()) return tx.status();
  KOOP_RETURN_IF_ERROR(
      tx->Exec("INSERT INTO access_log (login, at, instance_id, fields, request_id, purpose) "
               "VALUES (?, ?, ?, ?, ?, ?)",
               {record.login, record.at ? record.at : Now(), record.instance_id,
                FieldsJson(record.fields), record.request_id, record.purpose})
          .status());
  return tx->Commit();
}

Result<std::vector<AccessRecord>> AccountsImpl::AccessLog(const std::string& instance_id,
                                                          const std::string& login) {
  Result<store::Transaction> tx = store_->BeginRead();
  if (!tx.ok()) return tx.status();
  Result<store::SqlRows> rows = tx->Query(
      "SELECT login, at, instance_id, fields, request_id, purpose FROM access_log "
      "WHERE (? = '' OR instance_id = ?) AND (? = '' OR login = ?) ORDER BY at, request_id",
      {instance_id, instance_id, login, login});
  if (!rows.ok()) return rows.status();
  std::vector<AccessRecord> out;
  for (const store::SqlRow& r : *rows) {
    out.push_back(AccessRecord{r.Text(0), r.Int(1), r.Text(2), FieldsFromJson(r.Text(3)), r.Text(4),
                               r.Text(5)});
  }
  return out;
}

}  // namespace koop::accounts
