// Fictional sample data (999-range NHS numbers only), so the client can be tried as each role.
#pragma once

#include "db/connection.h"
#include "result.h"

namespace cpis {

enum class SampleDataOutcome { Loaded, AlreadyThere };

// Loads resources/sample/sample_data.sql in one transaction; running it on a database that
// has it changes nothing. Needs the schema owner (it creates login roles and rows directly).
Result<SampleDataOutcome> loadSampleData(Connection &connection);

} // namespace cpis
