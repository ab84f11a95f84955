// Delivery half of a scheduler tick (scheduler.h): claim due outbox rows, then for each row, one
// at a time, re-check the claim and mark it 'sending' (committed), hand it to its channel or the
// event sink, and mark it sent only while the row is still this worker's. The protocol and its
// one repeat window are in docs/reminders.md ("Exactly once").
#include <ostream>
#include <string>

#include "notify/scheduler.h"
#include "store/reminder_queries.h"

namespace koop::notify {

Result<bool> ReminderScheduler::DeliverBatch(TimeMs now, TickReport& report) {
  std::vector<store::OutboxRow> claimed;
  {
    Result<store::Transaction> tx = store_.BeginWrite();
    if (!tx.ok()) return tx.status();
    Result<store::ClaimedOutbox> rows =
        store::ClaimOutbox(*tx, options_.worker_id, now, options_.lease_ms, options_.batch);
    if (!rows.ok()) return rows.status();
    KOOP_RETURN_IF_ERROR(tx->Commit());
    claimed = std::move(rows->rows);
    report.taken_over += rows->takeovers;
  }
  for (const store::OutboxRow& row : claimed) KOOP_RETURN_IF_ERROR(DeliverRow(row, now, report));
  return static_cast<int>(claimed.size()) >= options_.batch;
}

Status ReminderScheduler::DeliverRow(const store::OutboxRow& row, TimeMs now, TickReport& report) {
  bool drop = false;
  {
    // Re-check the claim (another worker may have taken the row after this batch's lease ran
    // out) and renew it for this one send, in a transaction committed before the channel runs.
    Result<store::Transaction> tx = store_.BeginWrite();
    if (!tx.ok()) return tx.status();
    Result<bool> mine =
        store::BeginSending(*tx, row.message_id, options_.worker_id, options_.lease_ms);
    if (!mine.ok()) return mine.status();
    if (!*mine) {
      ++report.skipped;
      return Status::Ok();
    }
    if (!row.deadline_id.empty() && row.channel != "event") {
      Result<std::string> state =
          store::DeadlineState(*tx, row.instance_id, row.deadline_id, row.occurrence);
      if (!state.ok()) return state.status();
      // A message about a deadline satisfied or cancelled meanwhile is not sent; events still
      // are (the instance decides what an overdue event means after the fact).
      drop = *state != store::kDeadlineOpen;
    }
    KOOP_RETURN_IF_ERROR(tx->Commit());
  }
  Status sent;
  if (!drop) {
    if (row.channel == "event") {
      if (events_ == nullptr) {
        sent = Status::Internal("no event sink");
      } else {
        // The event happened when its action fell due, however late this tick runs; its outbox
        // id is its once-key, so a repeat after a crash is recognised by the instance itself.
        sent = events_->Raise(row.instance_id, row.recipient, row.due_at, row.message_id);
        if (!sent.ok() && (sent.code() == Code::kDataError || sent.code() == Code::kNoInput)) {
          drop = true;  // the instance refuses it for good (finished, gone)
          // The refusal's text may quote instance data: only its code is logged (RODO).
          report.notes.push_back({row.message_id, "event " + row.recipient +
                                                      " dropped: the instance refused it (exit " +
                                                      std::to_string(sent.exit_code()) + ")"});
          if (dry_out_) {
            *dry_out_ << "event " << row.instance_id << ' ' << row.recipient
                      << " dropped: the instance refused it (exit " << sent.exit_code() << ")\n";
          }
        }
      }
    } else {
      OutgoingMessage m{row.message_id, row.recipient, row.subject, row.body};
      Channel* channel = row.channel == "smtp" && email_ ? email_.get() : log_.get();
      sent = channel->Send(m);
      if (sent.code() == Code::kDataError) {
        drop = true;  // refused for good (a header value that could inject): never retried
        report.notes.push_back({row.message_id, "dropped: " + sent.message()});
        if (dry_out_) {
          *dry_out_ << "message " << row.message_id << " dropped: " << sent.message() << '\n';
        }
      }
    }
  }
  Result<store::Transaction> tx = store_.BeginWrite();
  if (!tx.ok()) return tx.status();
  if (drop || sent.ok()) {
    Result<bool> marked = store::MarkOutboxSent(*tx, row.message_id, options_.worker_id, now);
    if (!marked.ok()) return marked.status();
    if (!*marked) {
      // The lease ran out while the channel had the row (a send slower than the lease, or this
      // process stopped) and another worker took it: it may go out twice. Counted, never hidden.
      ++report.lease_lost;
      report.notes.push_back(
          {row.message_id, "sent, but another worker took its lease meanwhile (may repeat)"});
    } else if (drop) {
      ++report.dropped;
    } else if (row.channel == "event") {
      ++report.events_raised;
    } else {
      ++report.sent;
    }
  } else {
    Result<bool> marked = store::MarkOutboxFailed(*tx, row.message_id, options_.worker_id,
                                                  sent.message(), now + options_.retry_ms);
    if (!marked.ok()) return marked.status();
    ++(*marked ? report.failed : report.lease_lost);
    report.notes.push_back({row.message_id, (*marked ? "failed, retried later: "
                                                     : "failed after its lease ran out: ") +
                                                sent.message()});
  }
  return tx->Commit();
}

}  // namespace koop::notify
