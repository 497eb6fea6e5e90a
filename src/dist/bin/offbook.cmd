@echo off
rem offbook launcher of the release for Windows (bin\offbook.cmd in the unpacked zip): runs offbook
rem with the jars in ..\lib and the rule pack in ..\rules, from any folder and from the PATH.
rem Needs only a Java 17 (or later) runtime: JAVA_HOME, else java on the PATH.
rem OFFBOOK_JAVA_OPTS adds JVM options (a larger heap: set OFFBOOK_JAVA_OPTS=-Xmx16g).
setlocal
for %%i in ("%~dp0..") do set "OFFBOOK_HOME=%%~fi"

set "JAVA_EXE=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if "%JAVA_EXE%"=="java" (
  where java >nul 2>nul
  if errorlevel 1 (
    echo offbook: no Java found; install a Java 17 runtime or later ^(or set JAVA_HOME^) 1>&2
    exit /b 1
  )
)
if not exist "%OFFBOOK_HOME%\lib\" (
  echo offbook: no lib folder beside %OFFBOOK_HOME%\bin; unpack the whole release zip 1>&2
  exit /b 1
)
rem the console cannot be told from a pipe here: progress only when asked (set OFFBOOK_PROGRESS=on)
if not defined OFFBOOK_PROGRESS set "OFFBOOK_PROGRESS=off"

rem the parallel collector starts fastest, unless OFFBOOK_JAVA_OPTS chooses a collector itself
set "OFFBOOK_GC=-XX:+UseParallelGC"
if defined OFFBOOK_JAVA_OPTS (
  echo %OFFBOOK_JAVA_OPTS% | findstr /r /c:"-XX:+Use[A-Za-z]*GC" >nul && set "OFFBOOK_GC="
)

"%JAVA_EXE%" %OFFBOOK_GC% -XX:TieredStopAtLevel=1 %OFFBOOK_JAVA_OPTS% -cp "%OFFBOOK_HOME%\lib\*" org.offbook.cli.Main %*
exit /b %ERRORLEVEL%
