@echo off
rem A stand-in for java.exe for WindowsLauncherIT: appends its command line to %STUB_LOG%, makes a
rem folder seen\<value> for an argument --input=<value> (file names keep Chinese, which the log's
rem code page may not), does what the launcher needs of Java (unpacks a jar, writes the
rem class-data archive) and exits with %STUB_EXIT% (0 for the unpacking).
>>"%STUB_LOG%" echo %*
set "previous="
set "tools="
:next
if "%~1"=="" goto acted
if "%previous%"=="--destination" mkdir "%~1"
if "%previous%"=="--destination" >"%~1\rectify.jar" echo unpacked
set "arg=%~1"
if "%arg%"=="extract" set "tools=yes"
if "%arg:~0,25%"=="-XX:ArchiveClassesAtExit=" >"%arg:~25%" echo archive
if "%arg:~0,8%"=="--input=" mkdir "seen\%arg:~8%"
set "previous=%~1"
shift
goto next
:acted
if defined tools exit /b 0
exit /b %STUB_EXIT%
