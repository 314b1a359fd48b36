using System.Data.Common;

namespace KieBot.Storage;

/// <summary>A database failure that says nothing about the data: unreachable, cut off, restarting, overloaded. Trying again later may succeed.</summary>
public static class StorageFailure
{
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.NpgsqlException npgsql when npgsql is not Npgsql.PostgresException || npgsql.IsTransient:
                case DbException { IsTransient: true }:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
