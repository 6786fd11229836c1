// Fictional sample data (999-range NHS numbers only), so the client can be tried as each role.
#pragma once

#include "db/connection.h"
#include "result.h"

#include <functional>

namespace cpis {

enum class SampleDataOutcome { Loaded, AlreadyThere };

// Whether the sample data is in this database (its Safeguarding Admin sam.admin is).
Result<bool> hasSampleData(Connection &connection);

// Loads resources/sample/sample_data.sql in one transaction; running it on a database that
// has it changes nothing. Needs the schema owner (it creates login roles and rows directly).
Result<SampleDataOutcome> loadSampleData(Connection &connection);

// A large authority's caseload on top of the sample data (loaded first when missing), made on
// the server from resources/sample/scale_data.sql: `children` children with plans and key
// workers, ten historic notifications each as finished steps with requests, case notes and
// audit rows, and up to 10,000 open steps. One transaction; `progress` hears each step's
// name as it starts. A database that has scale data already is left as it is.
inline constexpr int kMaxScaleChildren = 800'000; // as many as the 999 test range holds
Result<SampleDataOutcome> loadScaleData(Connection &connection, int children,
                                        const std::function<void(const QString &)> &progress = {});

} // namespace cpis
