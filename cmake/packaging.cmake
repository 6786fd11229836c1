# Where `cmake --install` puts everything besides the executables, and the Debian package
# CPack builds from it (scripts/package). Paths follow GNUInstallDirs, so the package and a
# plain install under /usr/local look the same.
include(GNUInstallDirs)

set(cpis_icon_dir ${PROJECT_SOURCE_DIR}/resources/icons)
install(FILES ${cpis_icon_dir}/cpis-workview.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
# The PNGs are made from the SVG with `rsvg-convert -w N -h N`; desktops without SVG use them.
foreach(size 16 24 32 48 64 128 256)
    install(FILES ${cpis_icon_dir}/cpis-workview-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME cpis-workview.png)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/resources/cpis-workview.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
# The man pages carry the version from project(); installed gzipped, as Debian expects.
foreach(page cpisctl cpis-workview)
    set(page_file ${PROJECT_BINARY_DIR}/man/${page}.1)
    configure_file(${PROJECT_SOURCE_DIR}/docs/man/${page}.1.in ${page_file} @ONLY)
    file(ARCHIVE_CREATE OUTPUT ${page_file}.gz PATHS ${page_file} FORMAT raw COMPRESSION GZip)
    install(FILES ${page_file}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
# The exchange service's systemd unit (ExecStart names /usr/bin/cpisctl: the package's place),
# and an example of the settings file it reads.
install(FILES ${PROJECT_SOURCE_DIR}/resources/systemd/cpis-exchange.service
        DESTINATION lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/resources/systemd/exchange.env.example
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
# The translations (.qm) are installed here by translations/; the folder exists either way.
install(DIRECTORY DESTINATION ${CMAKE_INSTALL_DATADIR}/cpis-workview/translations)

set(CPIS_PACKAGE_MAINTAINER "CP-IS Workview maintainers <cpis-workview@localhost>"
    CACHE STRING "The Debian package's Maintainer field")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cpis-workview)
set(CPACK_PACKAGE_VENDOR "CP-IS Workview")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "caseworker client for CP-IS (Child Protection - Information Sharing)")
# Lines of Debian's usual width: CPack writes them as given.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "CP-IS Workview is the desktop client children's social care uses to work the\n"
    "NHS CP-IS notifications: Safeguarding Admin triage each Access to Service\n"
    "Notification and pass it to the child's key worker, who acknowledges it and\n"
    "records a CP-IS case note. It shares one PostgreSQL case database, or runs a\n"
    "private embedded one. Includes cpisctl, the command-line companion (database,\n"
    "users, the MESH exchange, reports).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPIS_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Libraries come from dpkg-shlibdeps; the Qt SQL driver is a plugin, loaded at run time,
# so it is named here. The embedded database needs the PostgreSQL server programs.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-psql")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql")
include(CPack)
