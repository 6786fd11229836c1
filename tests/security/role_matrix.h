// Who may do what: every role against every operation, allowed or denied. This table is the
// promise; docs/security.md section 1 shows the same table (a test compares the two) and
// role_matrix_test.cpp proves every cell as a real login, through the services and through SQL.
#pragma once

#include <array>
#include <string_view>

namespace cpis::test::matrix {

enum class Access { Allow, Deny };
inline constexpr Access A = Access::Allow;
inline constexpr Access D = Access::Deny;

// The columns, in the order of the rows below and of the table in docs/security.md.
enum Role {
    SafeguardingAdmin,
    KeyWorker,
    TeamManager,
    Sysadmin,
    ExchangeAccount,
    NoRole,
    RecordsOfficer, // issue 19: business support who keep children's records
    kRoles
};
inline constexpr std::array<std::string_view, kRoles> kRoleNames{
    "Safeguarding Admin",   "key worker",       "team manager",
    "system administrator", "exchange account", "login with no role or worker",
    "records officer"};

struct Row
{
    std::string_view operation;
    std::array<Access, kRoles> access;
};

// clang-format off
inline constexpr std::array kMatrix{
    //                                                  SA KW TM SYS EX none RO
    Row{"read a person",                               {A, A, A, A,  A, D,    A}},
    Row{"read a restricted person (not granted)",      {D, D, D, D,  A, D,    D}},
    Row{"start a CP-IS step",                          {A, D, D, D,  D, D,    D}},
    Row{"take over a colleague's step",                {A, D, D, D,  D, D,    D}},
    Row{"finish a CP-IS step",                         {A, D, D, D,  D, D,    D}},
    Row{"send a request",                              {A, D, D, D,  D, D,    D}},
    Row{"acknowledge someone else's request",          {D, D, D, D,  D, D,    D}},
    Row{"add a final case note",                       {A, A, A, D,  D, D,    D}},
    Row{"edit a final case note",                      {D, D, D, D,  D, D,    D}},
    Row{"change configuration",                        {D, D, D, A,  D, D,    D}},
    Row{"change lists",                                {D, D, D, A,  D, D,    D}},
    Row{"choose who receives alerts",                  {D, D, D, A,  D, D,    D}},
    Row{"read audit",                                  {D, D, A, A,  D, D,    D}},
    Row{"delete or change audit",                      {D, D, D, D,  D, D,    D}},
    Row{"run the exchange",                            {D, D, D, D,  A, D,    D}},
    // The owner too (not a column): only cpisctl setup makes it (_add_exchange_login; issue 21).
    Row{"create an exchange login",                    {D, D, D, D,  D, D,    D}},
    // Issue 19: children's records (functions/people.sql; who may record: docs/security.md).
    Row{"find a child",                                {A, A, A, A,  D, D,    A}},
    Row{"record a new child",                          {D, D, A, D,  D, D,    A}},
    Row{"change the record of a child one works with", {D, A, A, D,  D, D,    A}},
    Row{"change the record of another team's child",   {D, D, D, D,  D, D,    A}},
    Row{"allocate a key worker",                       {D, A, A, D,  D, D,    A}},
    Row{"restrict a child or grant access",            {D, D, A, D,  D, D,    A}},
    Row{"record a plan in error",                      {D, A, A, A,  D, D,    A}},
    // 0041: every other records action, one row each.
    Row{"record a new unborn child",                   {D, D, A, D,  D, D,    A}},
    Row{"add another name",                            {D, A, A, D,  D, D,    A}},
    Row{"end another name",                            {D, A, A, D,  D, D,    A}},
    Row{"record an NHS number",                        {D, A, A, D,  D, D,    A}},
    Row{"correct an NHS number",                       {D, A, A, D,  D, D,    A}},
    Row{"mark an NHS number verified",                 {D, A, A, D,  D, D,    A}},
    Row{"record a replacement NHS number",             {D, A, A, D,  D, D,    A}},
    Row{"record a birth",                              {D, A, A, D,  D, D,    A}},
    Row{"start a plan or legal status",                {D, A, A, D,  D, D,    A}},
    Row{"end a plan or legal status",                  {D, A, A, D,  D, D,    A}},
    Row{"grant a worker access to a child",            {D, D, A, D,  D, D,    A}},
    Row{"remove a worker's access to a child",         {D, D, A, D,  D, D,    A}},
    Row{"upload a child again now",                    {D, A, A, D,  D, D,    A}},
    Row{"see the data quality lists",                  {D, D, D, A,  D, D,    A}},
    // Issue 20 "Out" and issue 21 "system alerts only by the system" (functions/alerts.sql).
    Row{"export what happened to notifications",       {D, D, D, A,  D, D,    A}},
    Row{"raise a system alert (CP-IS ...)",            {D, D, D, D,  A, D,    D}},
    // Issue 20: the records feed in (functions/records_import.sql); the exchange for
    // records.import_folder.
    Row{"import children's records",                   {D, D, D, A,  A, D,    A}},
    // Issue 21: users for real (functions/users.sql; the rules: docs/security.md).
    Row{"list users",                                  {D, D, D, A,  D, D,    D}},
    Row{"disable a user",                              {D, D, D, A,  D, D,    D}},
    Row{"enable a user",                               {D, D, D, A,  D, D,    D}},
    Row{"reset a user's password",                     {D, D, D, A,  D, D,    D}},
    Row{"change a user's roles",                       {D, D, D, A,  D, D,    D}},
    Row{"change one's own password",                   {A, A, A, A,  A, D,    A}},
};
// clang-format on

} // namespace cpis::test::matrix
