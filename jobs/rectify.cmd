@echo off
rem Starts Rectify the quick way on Windows; use it wherever `java -jar rectify.jar` would be typed:
rem
rem   jobs\rectify.cmd nightly --period=2024-03
rem
rem The same as jobs/rectify (read its comments for why): the jar runs unpacked (Spring Boot's
rem `extract` layout) with an application class-data-sharing archive that the first `nightly` after
rem an upgrade writes, and with the JIT's first tier only. The unpacked jar and the archive are kept
rem in data\jvm\, one folder per jar and Java build; they are made again whenever either changes,
rem and may be deleted at any time. Run it from the folder that holds rectify.jar (or its target\):
rem input\, output\ and data\ are found there, as with java -jar; the Task Scheduler example
rem (jobs\rectify-nightly.xml) sets that folder as the task's working directory.
rem
rem Environment: RECTIFY_JAR (default .\rectify.jar, else .\target\rectify.jar), JAVA_HOME (else
rem java on the PATH), RECTIFY_JAVA_OPTS (more JVM options, e.g. -Xmx1g), RECTIFY_JVM_CACHE
rem (default data\jvm). The exit status is Java's (docs/COMMANDS.md).
setlocal EnableExtensions DisableDelayedExpansion

set "jar=%RECTIFY_JAR%"
if not defined jar if exist "rectify.jar" set "jar=rectify.jar"
if not defined jar if exist "target\rectify.jar" set "jar=target\rectify.jar"
if not defined jar goto nojar
if not exist "%jar%" goto nojar

rem the file java resolves to, from JAVA_HOME or the PATH (java.exe, or a wrapper script)
set "java_file="
if defined JAVA_HOME for %%E in (.exe .cmd .bat) do if not defined java_file if exist "%JAVA_HOME%\bin\java%%E" set "java_file=%JAVA_HOME%\bin\java%%E"
if not defined JAVA_HOME for %%J in (java.exe java.cmd java.bat) do if not defined java_file set "java_file=%%~$PATH:J"
if not defined java_file goto nojava

rem one folder per jar and Java build: size and modification time of each (as jobs/rectify), the
rem time's separators (/ : and spaces, by the locale) made file-name safe
rem extract keeps the jar's own name (rectify.jar, or whatever RECTIFY_JAR names)
for %%F in ("%jar%") do set "jarname=%%~nxF"
for %%F in ("%jar%") do set "key=%%~zF-%%~tF"
for %%F in ("%java_file%") do set "key=%key%-%%~zF-%%~tF"
set "key=%key:/=%"
set "key=%key::=%"
set "key=%key: =%"
set "key=%key:.=%"
set "cache=%RECTIFY_JVM_CACHE%"
if not defined cache set "cache=data\jvm"
set "dir=%cache%\jar-%key%"
if exist "%dir%\app\%jarname%" goto unpacked
if not exist "%cache%" mkdir "%cache%"
if not exist "%cache%" exit /b 1
rem an earlier build's folder, named as below
for /d %%O in ("%cache%\jar-*") do rd /s /q "%%~fO"
set "unpacking=%dir%.%RANDOM%"
call "%java_file%" -Djarmode=tools -jar "%jar%" extract --destination "%unpacking%\app" >nul
if errorlevel 1 exit /b 1
rem another run may have put the same folder in place meanwhile
move "%unpacking%" "%dir%" >nul 2>&1
if exist "%unpacking%" rd /s /q "%unpacking%"
:unpacked

set "archive=%dir%\rectify.jsa"
rem the JVM's notes about classes it cannot archive are of no use to the office
set "options=-XX:TieredStopAtLevel=1 -Xlog:cds*=off"
rem No arguments inside ( ) blocks, where a ) in one would end the block. Java runs last, directly,
rem so its exit status is this script's; `call` only where the script goes on after Java (and where
rem a java that is a wrapper script must return here).
if exist "%archive%" goto archived
rem only a whole nightly run loads the classes worth archiving
if /i not "%~1"=="nightly" goto plain
rem The training run: the JVM writes the archive as it exits, under a temporary name, so that a run
rem started meanwhile never maps half a file; then it is put in place.
set "training=%archive%.%RANDOM%"
call "%java_file%" %options% "-XX:ArchiveClassesAtExit=%training%" %RECTIFY_JAVA_OPTS% -jar "%dir%\app\%jarname%" %*
set "status=%ERRORLEVEL%"
if exist "%training%" move /y "%training%" "%archive%" >nul
exit /b %status%

:archived
"%java_file%" %options% "-XX:SharedArchiveFile=%archive%" %RECTIFY_JAVA_OPTS% -jar "%dir%\app\%jarname%" %*
exit /b %ERRORLEVEL%

:plain
"%java_file%" %options% %RECTIFY_JAVA_OPTS% -jar "%dir%\app\%jarname%" %*
exit /b %ERRORLEVEL%

:nojava
echo rectify: no java: set JAVA_HOME to a Java 17 or later, or put its bin folder on the PATH 1>&2
exit /b 1

:nojar
echo rectify: no rectify.jar in %CD% or its target\; run this from the folder that holds it, or set RECTIFY_JAR 1>&2
exit /b 1
